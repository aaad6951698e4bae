package mx.ine.redes.evaluation.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to check a score by hand: the inputs as received, each sub-score with its
 * arithmetic, the peers it was ranked against (null when performance could not be assessed), the
 * formula's version and weights, how the overall was computed and why the rating is what it is.
 */
public record ScoreExplanation(
        Map<String, Long> figures,
        LocalDate periodStart,
        LocalDate periodEnd,
        double weeks,
        Long previousCycleFollowers,
        boolean dormant,
        List<SubScore> subScores,
        PeerGroup peers,
        String formulaVersion,
        ScoringFormula.Weights weights,
        String overallArithmetic,
        String ratingReason) {

    public ScoreExplanation {
        figures = Map.copyOf(figures);
        subScores = List.copyOf(subScores);
    }

    /** The whole explanation as Spanish text, one line per part. */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append("Fórmula ").append(formulaVersion).append('\n');
        for (SubScore subScore : subScores) {
            text.append(subScore.criterion().spanishName()).append(": ").append(subScore.arithmetic()).append('\n');
        }
        text.append("Calificación global: ").append(overallArithmetic).append('\n');
        text.append("Dictamen: ").append(ratingReason);
        return text.toString();
    }
}
