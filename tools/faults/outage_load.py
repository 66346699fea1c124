#!/usr/bin/env python3
"""Load for the database-outage drill (db-outage.sh): several officials work while the database goes away.

    python3 outage_load.py BASE_URL PROXY_PID [--clients 6] [--before 20] [--outage 30] [--after 25]

Unit clients (one unit each) upload a dossier's three documents and propose it through /api, then its head
confirms it through /engine-rest (task completion); Board clients appraise confirmed dossiers through
/engine-rest. After BEFORE seconds the proxy between the application and PostgreSQL is cut (SIGUSR1 to
PROXY_PID) for OUTAGE seconds, then restored (SIGUSR2); the load goes on until AFTER seconds past the
restore. A health poller reads /actuator/health twice a second. Every answer is counted by the phase in
which its request ended (before, during, after the outage) and its kind: ok (2xx), 503, 409 (a conflict
between two people: allowed), other 4xx, 5xx other than 503, or no answer. Prints the counts and writes
them as JSON to stdout's last line; exits 1 on any 5xx other than 503, any 503 without the Vietnamese
message, any other unexpected answer, or no recovery.
"""
import argparse
import base64
import json
import os
import random
import signal
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

UNITS = ["SNV", "STC", "SKHDT", "STP", "SYT", "SGDDT", "SCT", "SXD", "SGTVT", "STNMT"]
REQUIRED = ["TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG"]
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
VIETNAMESE_503 = "không kết nối được cơ sở dữ liệu"


class Clock:
    def __init__(self):
        self.cut_at = None
        self.restored_at = None
        self.lock = threading.Lock()

    def phase(self, t):
        with self.lock:
            if self.cut_at is None or t < self.cut_at:
                return "before"
            if self.restored_at is None or t < self.restored_at:
                return "during"
            return "after"


class Stats:
    KINDS = ["ok", "503", "409", "4xx", "5xx", "no-answer"]

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {p: {k: 0 for k in self.KINDS} for p in ("before", "during", "after")}
        self.surface = {p: {"api": 0, "engine-rest": 0} for p in ("before", "during", "after")}
        self.first_ok_after = {}
        self.bad = []
        self.samples_503 = set()
        self.dossiers = 0
        self.confirmed = 0
        self.appraised = 0

    def record(self, phase, surface, kind, t, detail=None):
        with self.lock:
            self.counts[phase][kind] += 1
            if kind == "ok":
                self.surface[phase][surface] += 1
                if phase == "after" and surface not in self.first_ok_after:
                    self.first_ok_after[surface] = t
            if detail and len(self.bad) < 20:
                self.bad.append(detail)


class Client:
    def __init__(self, base, clock, stats, stop):
        self.base = base
        self.clock = clock
        self.stats = stats
        self.stop = stop

    def call(self, user, method, path, body=None, content_type="application/json"):
        """One request: (status, parsed JSON or None). Status 0 when no answer came."""
        data = None
        headers = {"Authorization": "Basic " + base64.b64encode(f"{user}:demo".encode()).decode(),
                   "Accept": "application/json"}
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            headers["Content-Type"] = content_type
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        surface = "engine-rest" if path.startswith("/engine-rest") else "api"
        status, text = 0, ""
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                status, text = answer.status, answer.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode("utf-8", "replace")
        except (urllib.error.URLError, OSError) as e:
            text = str(e)
        t = time.time()
        phase = self.clock.phase(t)
        if 200 <= status < 300:
            kind = "ok"
        elif status == 503:
            kind = "503"
            if VIETNAMESE_503 not in text.lower():
                kind = "5xx"
            else:
                with self.stats.lock:
                    self.stats.samples_503.add(json.loads(text).get("message", "")[:200])
        elif status == 409:
            kind = "409"
        elif 400 <= status < 500:
            kind = "4xx"
        elif status >= 500:
            kind = "5xx"
        else:
            kind = "no-answer"
        detail = None
        if kind in ("5xx", "4xx", "no-answer"):
            detail = f"{phase} {method} {path} as {user}: {status} {text[:300]}"
        self.stats.record(phase, surface, kind, t, detail)
        try:
            parsed = json.loads(text) if text and kind == "ok" else None
        except ValueError:
            parsed = None
        return status, parsed

    def pause_after(self, status):
        if status != 200 and status != 201 and status != 204:
            time.sleep(0.2)


def multipart(file_name):
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n"
            f"Content-Type: application/pdf\r\n\r\n").encode() + PDF + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def unit_worker(client, unit, number):
    officer, head = "canbo." + unit.lower(), "lanhdao." + unit.lower()
    sequence = 0
    while not client.stop.is_set():
        sequence += 1
        documents = {}
        for kind in REQUIRED:
            body, content_type = multipart(kind.lower() + ".pdf")
            status, answer = client.call(officer, "POST", "/api/documents", body, content_type)
            if answer is None:
                client.pause_after(status)
                break
            documents[kind] = answer["id"]
        if len(documents) < len(REQUIRED):
            continue
        proposal = {
            "campaignCode": "383/KH-UBND", "year": 2023, "awardCode": "CERTIFICATE", "nomineeKind": "INDIVIDUAL",
            "proposingUnitCode": unit,
            "nominee": {"fullName": f"Nguyễn Văn Thử {number}-{sequence}-{uuid.uuid4().hex[:6]}", "gender": "Nam",
                        "birthYear": 1980, "position": "Chuyên viên", "workUnit": "Văn phòng " + unit,
                        "directWorker": False},
            "achievementSummary": "Hoàn thành xuất sắc nhiệm vụ hai năm liền.",
            "facts": {"excellentYears": [2021, 2022], "recognisedInitiatives": 2, "underDiscipline": False,
                      "underInvestigation": False, "openComplaint": False},
            "documents": documents}
        status, answer = client.call(officer, "POST", "/api/dossiers", proposal)
        if answer is None:
            client.pause_after(status)
            continue
        with client.stats.lock:
            client.stats.dossiers += 1
        case = answer["processInstanceId"]
        # The head confirms; a completion refused by the outage is tried again until it goes through.
        while not client.stop.is_set():
            status, tasks = client.call(head, "GET", f"/engine-rest/task?processInstanceId={case}"
                                        "&taskDefinitionKey=Task_HeadConfirm")
            if tasks is None:
                client.pause_after(status)
                continue
            if not tasks:
                break  # confirmed by an earlier attempt whose answer was lost
            status, _ = client.call(head, "POST", f"/engine-rest/task/{tasks[0]['id']}/complete",
                                    {"variables": {"headDecision": {"value": "CONFIRM"}}})
            if 200 <= status < 300:
                with client.stats.lock:
                    client.stats.confirmed += 1
                break
            if status == 409:
                break
            client.pause_after(status)


def board_worker(client, number):
    while not client.stop.is_set():
        status, tasks = client.call("bantdkt", "GET", "/engine-rest/task?taskDefinitionKey=Task_Appraise"
                                    f"&candidateGroup=ban-tdkt&firstResult={number * 3}&maxResults=3")
        if not tasks:
            client.pause_after(status)
            time.sleep(0.3)
            continue
        task = random.choice(tasks)
        status, _ = client.call("bantdkt", "POST", f"/engine-rest/task/{task['id']}/complete",
                                {"variables": {"appraisalDecision": {"value": "ACCEPT"}}})
        if 200 <= status < 300:
            with client.stats.lock:
                client.stats.appraised += 1
        client.pause_after(status)


def health_poller(base, clock, stop, log):
    last = None
    while not stop.is_set():
        try:
            with urllib.request.urlopen(base + "/actuator/health", timeout=10) as answer:
                status = json.loads(answer.read()).get("status")
        except urllib.error.HTTPError as e:
            try:
                status = json.loads(e.read()).get("status", str(e.code))
            except ValueError:
                status = str(e.code)
        except (urllib.error.URLError, OSError):
            status = "no-answer"
        if status != last:
            log.append((time.time(), status))
            last = status
        time.sleep(0.5)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("proxy_pid", type=int)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--before", type=float, default=20)
    parser.add_argument("--outage", type=float, default=30)
    parser.add_argument("--after", type=float, default=25)
    args = parser.parse_args()

    clock, stats, stop = Clock(), Stats(), threading.Event()
    health_log = []
    threads = [threading.Thread(target=health_poller, args=(args.base, clock, stop, health_log), daemon=True)]
    boards = max(1, args.clients // 3)
    for i in range(args.clients - boards):
        threads.append(threading.Thread(target=unit_worker, args=(Client(args.base, clock, stats, stop),
                                                                  UNITS[i % len(UNITS)], i), daemon=True))
    for i in range(boards):
        threads.append(threading.Thread(target=board_worker, args=(Client(args.base, clock, stats, stop), i),
                                        daemon=True))
    start = time.time()
    for t in threads:
        t.start()
    time.sleep(args.before)
    with clock.lock:
        clock.cut_at = time.time()
    os.kill(args.proxy_pid, signal.SIGUSR1)
    print(f"load: database cut at +{clock.cut_at - start:.1f} s", flush=True)
    time.sleep(args.outage)
    with clock.lock:
        clock.restored_at = time.time()
    os.kill(args.proxy_pid, signal.SIGUSR2)
    print(f"load: database back at +{clock.restored_at - start:.1f} s", flush=True)
    time.sleep(args.after)
    stop.set()
    for t in threads:
        t.join(timeout=40)

    restored = clock.restored_at
    down_seen = any(s == "DOWN" and clock.cut_at <= t <= restored + 5 for t, s in health_log)
    up_again = [t for t, s in health_log if s == "UP" and t >= restored]
    first_ok = [stats.first_ok_after.get(s) for s in ("api", "engine-rest")]
    recovered = None
    if up_again and all(first_ok):
        recovered = max(up_again[0], *first_ok) - restored
    result = {
        "clients": args.clients, "outage_s": args.outage, "counts": stats.counts, "ok_by_surface": stats.surface,
        "dossiers_proposed": stats.dossiers, "head_confirmations": stats.confirmed, "appraisals": stats.appraised,
        "health": [(round(t - start, 1), s) for t, s in health_log], "health_down_during_outage": down_seen,
        "recovered_after_s": None if recovered is None else round(recovered, 1),
        "messages_503": sorted(stats.samples_503)[:3], "unexpected": stats.bad}
    print(json.dumps(result, ensure_ascii=False, indent=1))
    failed = any(stats.counts[p][k] for p in stats.counts for k in ("5xx", "4xx", "no-answer"))
    failed = failed or recovered is None or not down_seen or stats.counts["during"]["503"] == 0
    print("RESULT " + json.dumps({"ok": not failed, "counts": stats.counts, "recovered_after_s": result[
        "recovered_after_s"], "health_down_during_outage": down_seen}, ensure_ascii=False))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
