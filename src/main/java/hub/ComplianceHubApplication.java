package hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = {"hub", "routes"})
public class ComplianceHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComplianceHubApplication.class, args);
    }
}
