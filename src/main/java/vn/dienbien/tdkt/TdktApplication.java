package vn.dienbien.tdkt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Hệ thống quy trình thi đua – khen thưởng tỉnh Điện Biên. */
@SpringBootApplication
public class TdktApplication {

    public static void main(String[] args) {
        SpringApplication.run(TdktApplication.class, args);
    }
}
