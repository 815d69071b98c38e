using Clinic.Knowledge.Answers;

namespace Clinic.Knowledge.Tests.Answers;

public class DisclaimerSelectorTests
{
    private readonly AnswerOptions _options = new();

    [Fact]
    public void AddsTheGeneralDisclaimerToEveryAnswer() =>
        Assert.Equal([_options.GeneralDisclaimer], DisclaimerSelector.Select(_options, "What is ketamine?", "Ketamine is an anesthetic.", answered: true));

    [Fact]
    public void AddsTheDosingDisclaimerWhenTheAnswerIsAboutDose() =>
        Assert.Contains(_options.DosingDisclaimer, DisclaimerSelector.Select(_options, "How much do I get?", "a single dose of 0.5 mg/kg", answered: true));

    [Fact]
    public void AddsTheDrivingDisclaimerWhenAskedAboutDriving() =>
        Assert.Contains(_options.DrivingDisclaimer, DisclaimerSelector.Select(_options, "Can I drive home after?", "", answered: false));

    [Fact]
    public void AddsTheOffLabelDisclaimerWhenOffLabelUseComesUp() =>
        Assert.Contains(_options.OffLabelDisclaimer, DisclaimerSelector.Select(_options, "Is it FDA approved?", "", answered: true));

    [Fact]
    public void UsesConfiguredTextsAndSkipsBlankOnes()
    {
        var options = new AnswerOptions { GeneralDisclaimer = "", DosingDisclaimer = "Ask Dr. Lee about dose." };
        Assert.Equal(["Ask Dr. Lee about dose."], DisclaimerSelector.Select(options, "what dose?", "", answered: true));
    }
}
