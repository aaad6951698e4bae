package mx.ine.redes.evaluation.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;

/**
 * The scoring engine with the configured formula, for the services that evaluate a cycle. The
 * formula is read and checked once, when the bean is created: a bad configuration fails there
 * rather than scoring with it.
 */
@ApplicationScoped
public class Scoring {

    private final ScoringFormula formula;
    private final ScoringEngine engine = new ScoringEngine();

    @Inject
    public Scoring(ScoringConfig config) {
        this.formula = config.formula();
    }

    /** The formula in force. */
    public ScoringFormula currentFormula() {
        return formula;
    }

    /** Scores a whole cycle (the peers are the accounts given) with the formula in force. */
    public List<AccountScore> scoreCycle(Collection<ScoringInput> accounts) {
        return engine.scoreCycle(formula, accounts);
    }
}
