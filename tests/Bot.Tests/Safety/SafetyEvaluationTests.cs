using Clinic.Bot.Safety;
using Clinic.Bot.Safety.Evaluation;

namespace Clinic.Bot.Tests.Safety;

public sealed class SafetyEvaluationTests
{
    [Fact]
    public void ComputesRecallPrecisionConfusionAndMisses()
    {
        LabelledMessage[] items =
        [
            new("i want to die", TriageLevel.Crisis),
            new("what are your hours?", TriageLevel.Crisis),        // deliberately mislabelled: a missed crisis
            new("I'm pregnant", TriageLevel.Contraindication),
            new("what are your hours?", TriageLevel.None),
            new("I have glaucoma", TriageLevel.None),               // deliberately mislabelled: a benign escalation
        ];
        var report = SafetyEvaluation.Evaluate(SafetyFixture.Triage, items);
        Assert.Equal(5, report.Total);
        Assert.Equal(0.5, report.CrisisRecall);
        Assert.Equal(1.0, report.ContraindicationEscalationRecall);
        Assert.Equal(1, report.BenignEscalations);
        Assert.Equal(0.5, report[TriageLevel.Contraindication].Precision);
        Assert.Equal(1, report.Confusion[(int)TriageLevel.Crisis][(int)TriageLevel.None]);
        Assert.Equal(2, report.Misclassified.Count);
        Assert.Contains("MISS expected Crisis got None: what are your hours?", report.Format());
    }

    [Fact]
    public void ReadingABadLineNamesTheFileAndLine()
    {
        var path = Path.GetTempFileName();
        File.WriteAllLines(path, ["{\"text\": \"hi\", \"label\": \"none\"}", "", "{\"text\": \"x\", \"label\": \"urgent\"}"]);
        try
        {
            var error = Assert.Throws<FormatException>(() => SafetyEvaluation.ReadJsonl(path));
            Assert.Contains($"{path}:3", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadingMalformedJsonIsAFormatError()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "{\"text\": ");
        try
        {
            Assert.Throws<FormatException>(() => SafetyEvaluation.ReadJsonl(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
