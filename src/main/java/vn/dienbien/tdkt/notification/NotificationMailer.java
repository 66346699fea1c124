package vn.dienbien.tdkt.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Gửi thư điện tử thông báo: one mail per notification to every addressee who has an address,
 * UTF-8, in Vietnamese. Idempotent: a notification already mailed is not sent again when its job is
 * retried. A failure throws {@link MailDeliveryException} with a message an administrator can act on.
 */
@Service
class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final NotificationRepository notifications;
    private final MailRecipients recipients;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailSettings settings;

    NotificationMailer(NotificationRepository notifications, MailRecipients recipients,
            ObjectProvider<JavaMailSender> sender, MailSettings settings) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.sender = sender;
        this.settings = settings;
    }

    /** Sends the notification's mail unless it has left already; returns the number of addresses it went to. */
    @Transactional
    public int deliver(Long notificationId) {
        Notification notification = notifications.findById(notificationId).orElse(null);
        if (notification == null || notification.isMailed()) {
            return 0;
        }
        List<String> addresses = recipients.addressesOf(notification);
        if (!addresses.isEmpty()) {
            send(notification, addresses);
        }
        notification.mailed(WorkflowClock.now(), addresses.size());
        log.info("Notification {} mailed to {} address(es)", notificationId, addresses.size());
        return addresses.size();
    }

    private void send(Notification notification, List<String> addresses) {
        JavaMailSender mailSender = sender.getIfAvailable();
        if (mailSender == null) {
            throw failure(notification, addresses, "chưa cấu hình máy chủ thư (spring.mail.host)");
        }
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper mail = new MimeMessageHelper(message, false, "UTF-8");
            mail.setFrom(settings.from(), settings.senderName());
            mail.setTo(addresses.toArray(String[]::new));
            mail.setSubject(settings.subjectPrefix() + " " + notification.getSubject());
            mail.setSentDate(new Date());
            mail.setText(text(notification), false);
            mailSender.send(message);
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            log.warn("Notification {} not mailed: {}", notification.getId(), e.toString());
            throw failure(notification, addresses, reason(e));
        }
    }

    private String text(Notification notification) {
        String link = settings.tasklistUrl() + (notification.getTaskId() == null ? "" : "#/?task=" + notification.getTaskId());
        return notification.getBody() + "\n\n"
                + "Thời điểm: " + WHEN.format(notification.getCreatedAt().atZone(VIETNAM)) + " (giờ Việt Nam)\n"
                + "Xem và xử lý trong Tasklist: " + link + "\n\n"
                + "Thư này do hệ thống Thi đua – Khen thưởng tỉnh Điện Biên gửi tự động; xin đừng trả lời thư này.\n";
    }

    private MailDeliveryException failure(Notification notification, List<String> addresses, String reason) {
        String subject = notification.getSubject().length() > 120
                ? notification.getSubject().substring(0, 120) + "…" : notification.getSubject();
        return new MailDeliveryException("Không gửi được thư điện tử thông báo số " + notification.getId() + " («" + subject
                + "») tới " + addresses.size() + " địa chỉ: " + reason + ". Hệ thống tự gửi lại theo chu kỳ "
                + settings.retryCycle() + "; khi hết lượt, sửa máy chủ thư rồi chọn thử lại (Retry) sự cố này trong Cockpit.");
    }

    private String reason(Exception e) {
        if (e instanceof MailAuthenticationException) {
            return "máy chủ thư " + settings.server() + " từ chối tên đăng nhập hoặc mật khẩu";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return "không kết nối được máy chủ thư " + settings.server();
            }
            if (t instanceof SocketTimeoutException) {
                return "máy chủ thư " + settings.server() + " không trả lời kịp";
            }
            if (t instanceof SendFailedException) {
                return "máy chủ thư " + settings.server() + " từ chối người gửi hoặc người nhận";
            }
        }
        if (e.getMessage() != null && e.getMessage().contains("connect")) {
            return "không kết nối được máy chủ thư " + settings.server();
        }
        return "máy chủ thư " + settings.server() + " không nhận thư";
    }
}
