package vn.dienbien.tdkt.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByUnitIdOrderByCreatedAtDescIdDesc(Long unitId);

    /** As JPQL, translated once (a derived query is translated again on every call by Hibernate 6.6). */
    @Query("select n from Notification n where n.recipientGroup = :recipientGroup order by n.createdAt desc, n.id desc")
    List<Notification> findByRecipientGroupOrderByCreatedAtDescIdDesc(@Param("recipientGroup") String recipientGroup);

    List<Notification> findByTaskId(String taskId);

    @Query("select case when count(n) > 0 then true else false end from Notification n"
            + " where n.processInstanceId = :processInstanceId and n.kind = :kind")
    boolean sentForCase(@Param("processInstanceId") String processInstanceId, @Param("kind") String kind);
}
