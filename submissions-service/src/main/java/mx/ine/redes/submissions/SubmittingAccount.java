package mx.ine.redes.submissions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import mx.ine.redes.support.registry.ProjectedAccount;

/** An account as the registry describes it: its network decides its form, its administrators submit. */
@Entity
@Table(name = "submitting_account")
public class SubmittingAccount extends ProjectedAccount {

    @Column(name = "display_name", nullable = false)
    public String displayName;
}
