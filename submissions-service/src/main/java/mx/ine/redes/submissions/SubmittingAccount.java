package mx.ine.redes.submissions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import mx.ine.redes.support.registry.AccountInArea;

/**
 * An account as the registry describes it now: its network decides its form, its administrators
 * submit, its area's head (and the heads above) may read what it submitted.
 */
@Entity
@Table(name = "submitting_account")
public class SubmittingAccount extends AccountInArea {

    @Column(name = "display_name", nullable = false)
    public String displayName;

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
