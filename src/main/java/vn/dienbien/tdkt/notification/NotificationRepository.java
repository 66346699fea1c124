package vn.dienbien.tdkt.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByUnitIdOrderByCreatedAtDescIdDesc(Long unitId);

    List<Notification> findByRecipientGroupOrderByCreatedAtDescIdDesc(String recipientGroup);

    List<Notification> findByTaskId(String taskId);
}
