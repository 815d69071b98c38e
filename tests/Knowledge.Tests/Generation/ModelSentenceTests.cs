using Clinic.Knowledge.Generation;

namespace Clinic.Knowledge.Tests.Generation;

public sealed class ModelSentenceTests
{
    [Fact]
    public void SplitsSentencesAndReadsTheirMarkers()
    {
        var sentences = ModelSentence.Split("Infusions last 40 minutes [1]. You rest afterwards [1][3]. Plan a ride home [2, 4].");
        Assert.Equal(["Infusions last 40 minutes.", "You rest afterwards.", "Plan a ride home."], sentences.Select(s => s.Claim));
        Assert.Equal([[1], [1, 3], [2, 4]], sentences.Select(s => s.Cites.ToArray()));
    }

    [Fact]
    public void GivesAMarkerAfterTheFullStopToTheSentenceBefore()
    {
        var sentences = ModelSentence.Split("Infusions last 40 minutes. [2] Plan a ride home.");
        Assert.Equal([2], sentences[0].Cites);
        Assert.Empty(sentences[1].Cites);
    }

    [Fact]
    public void TreatsBulletsAndLinesAsSentences()
    {
        var sentences = ModelSentence.Split("Side effects include:\n- nausea [1]\n- dizziness [1]\n\n1. Rest [2]");
        Assert.Equal(["Side effects include:", "nausea", "dizziness", "Rest"], sentences.Select(s => s.Claim));
        Assert.Equal([[], [1], [1], [2]], sentences.Select(s => s.Cites.ToArray()));
    }

    [Fact]
    public void KeepsADecimalDoseInOneSentence()
    {
        var sentences = ModelSentence.Split("The usual dose is 0.5 mg/kg [2]. It is given over 40 minutes [2].");
        Assert.Equal("The usual dose is 0.5 mg/kg.", sentences[0].Claim);
        Assert.Equal(2, sentences.Count);
    }
}
