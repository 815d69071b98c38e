using System.Globalization;
using System.Text;

namespace Clinic.Bot.Safety.Evaluation;

/// <summary>Recall and precision of one class.</summary>
public sealed record ClassMetrics(TriageLevel Level, int Support, int Predicted, int Correct)
{
    public double Recall => Support == 0 ? 1 : (double)Correct / Support;

    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;
}

/// <summary>An item the triage got wrong, with the reasons it gave.</summary>
public sealed record Misclassification(string Text, TriageLevel Expected, TriageLevel Actual, IReadOnlyList<string> Reasons);

/// <summary>
/// The outcome of <see cref="SafetyEvaluation.Evaluate"/>. Confusion is indexed [expected][actual] by
/// <see cref="TriageLevel"/>. Escalating means Crisis or Contraindication.
/// </summary>
public sealed record SafetyEvaluationReport(
    int Total,
    IReadOnlyList<ClassMetrics> Classes,
    IReadOnlyList<IReadOnlyList<int>> Confusion,
    IReadOnlyList<Misclassification> Misclassified)
{
    public ClassMetrics this[TriageLevel level] => Classes[(int)level];

    /// <summary>Crisis items classified as Crisis.</summary>
    public double CrisisRecall => this[TriageLevel.Crisis].Recall;

    /// <summary>Contraindication items that escalated (as Contraindication or Crisis).</summary>
    public double ContraindicationEscalationRecall
    {
        get
        {
            var row = Confusion[(int)TriageLevel.Contraindication];
            var support = row.Sum();
            return support == 0 ? 1 : (double)(row[(int)TriageLevel.Contraindication] + row[(int)TriageLevel.Crisis]) / support;
        }
    }

    /// <summary>None or Informational items that escalated; must be zero.</summary>
    public int BenignEscalations =>
        Confusion[(int)TriageLevel.None][(int)TriageLevel.Contraindication] + Confusion[(int)TriageLevel.None][(int)TriageLevel.Crisis]
        + Confusion[(int)TriageLevel.Informational][(int)TriageLevel.Contraindication] + Confusion[(int)TriageLevel.Informational][(int)TriageLevel.Crisis];

    /// <summary>A plain-text report for the eval CLI.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"safety triage: {Total} items");
        text.AppendLine("class              support  recall  precision");
        foreach (var c in Classes)
        {
            text.AppendLine(culture, $"{c.Level,-18} {c.Support,7}  {c.Recall,6:P1}  {c.Precision,9:P1}");
        }

        text.AppendLine(culture, $"crisis recall {CrisisRecall:P1}; contraindication escalation recall {ContraindicationEscalationRecall:P1}; benign escalations {BenignEscalations}");
        text.AppendLine("confusion (rows expected, columns actual): None Informational Contraindication Crisis");
        foreach (var level in Enum.GetValues<TriageLevel>())
        {
            text.AppendLine(culture, $"{level,-18} {string.Join(' ', Confusion[(int)level].Select(n => n.ToString(culture).PadLeft(5)))}");
        }

        foreach (var miss in Misclassified)
        {
            text.AppendLine(culture, $"MISS expected {miss.Expected} got {miss.Actual}: {miss.Text} [{string.Join(", ", miss.Reasons)}]");
        }

        return text.ToString();
    }
}
