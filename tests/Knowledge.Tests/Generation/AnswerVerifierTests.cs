using Clinic.Knowledge.Generation;

namespace Clinic.Knowledge.Tests.Generation;

public sealed class AnswerVerifierTests
{
    private const string Infusion =
        "Ketamine infusions are given through an IV line in the arm. Each infusion lasts about 40 minutes. " +
        "Patients rest in a quiet room and are monitored by a nurse during the infusion.";

    private const string Dosing =
        "The usual starting dose is 0.5 mg/kg given over 40 minutes. Your clinician may adjust the dose after the first treatments.";

    private const string Cost =
        "A single infusion costs $450 at our clinic. Most insurance plans do not cover ketamine infusions for depression.";

    private const string Eligibility =
        "Patients must be at least 18 years old to receive ketamine treatment. Pregnant women are not eligible for ketamine treatment.";

    private const string Driving = "You must not drive for 24 hours after a treatment. Please arrange a ride home.";

    private static readonly List<NumberedPassage> All = Passages.Of(Infusion, Dosing, Cost, Eligibility, Driving);

    private static RejectionReason? Check(string sentence) => new AnswerVerifier(0.7).Check(ModelSentence.Split(sentence).Single(), All);

    [Theory]
    [InlineData("Ketamine infusions are given through an IV line in your arm [1].")]
    [InlineData("Each infusion lasts about 40 minutes [1].")]
    [InlineData("During the infusion you rest in a quiet room while a nurse monitors you [1].")]
    [InlineData("You must not drive for 24 hours after a treatment [5].")]
    [InlineData("Driving is not allowed for 24 hours after treatment [5].")]
    [InlineData("Infusions last about 40 minutes and are given through an IV line [1][2].")]
    public void KeepsASentenceItsCitedPassageSupports(string sentence) => Assert.Null(Check(sentence));

    [Fact]
    public void CutsASentenceWithoutACitation() =>
        Assert.Equal(RejectionReason.NoCitation, Check("Ketamine infusions are given through an IV line in the arm."));

    [Fact]
    public void CutsASentenceCitingAPassageThePromptDidNotGive() =>
        Assert.Equal(RejectionReason.UnknownPassage, Check("Ketamine infusions are given through an IV line in the arm [9]."));

    [Theory]
    [InlineData("Each infusion lasts about 90 minutes [1].")]
    [InlineData("You must not drive for 48 hours after a treatment [5].")]
    [InlineData("Ketamine infusions are given through an IV line in the arm, 3 times a week [1].")]
    [InlineData("Each ketamine infusion through the IV line lasts about 40 hours [1].")]
    [InlineData("Each infusion lasts about 45 minutes [1].")]
    [InlineData("Each infusion lasts about ninety minutes [1].")]
    [InlineData("Ketamine infusions are given through an IV line in the arm since March 2019 [1].")]
    public void CutsAnInventedNumberDurationOrDate(string sentence) => Assert.Equal(RejectionReason.NumberNotInPassage, Check(sentence));

    [Theory]
    [InlineData("A single infusion costs $450 at our clinic [1].")]
    [InlineData("Patients must be at least 18 years old to receive ketamine treatment [1].")]
    public void CutsATrueSentenceThatCitesTheWrongPassage(string sentence) => Assert.NotNull(Check(sentence));

    [Fact]
    public void CutsASentenceWhoseWordsTheCitedPassageDoesNotHave() =>
        Assert.Equal(RejectionReason.Unsupported, Check("Ketamine permanently cures treatment-resistant depression in most patients [1]."));

    [Theory]
    [InlineData("A single infusion costs $450 at our clinic [3].")]
    [InlineData("The usual starting dose is 0.5 mg/kg given over 40 minutes [2].")]
    [InlineData("Patients must be at least 18 years old to receive ketamine treatment [4].")]
    public void KeepsADoseAPriceOrAnAgeQuotedWordForWord(string sentence) => Assert.Null(Check(sentence));

    [Theory]
    [InlineData("A single infusion at our clinic costs $450 [3].")]
    [InlineData("The starting dose is usually 0.5 mg/kg over 40 minutes [2].")]
    [InlineData("You need to be 18 years old or older to receive ketamine treatment [4].")]
    public void CutsADoseAPriceOrAnAgeThatIsParaphrased(string sentence) => Assert.Equal(RejectionReason.NotQuoted, Check(sentence));

    [Fact]
    public void CutsAPriceThatIsNotInThePassageEvenIfTheRestIsQuoted() =>
        Assert.Equal(RejectionReason.NumberNotInPassage, Check("A single infusion costs $350 at our clinic [3]."));

    [Theory]
    [InlineData("Pregnant women are eligible for ketamine treatment [4].")]
    [InlineData("Most insurance plans cover ketamine infusions for depression [3].")]
    [InlineData("Ketamine infusions are not given through an IV line in the arm [1].")]
    public void CutsASentenceThatFlipsTheMeaningOfItsSource(string sentence) => Assert.NotNull(Check(sentence));

    [Fact]
    public void KeepsOnlyTheSupportedSentencesOfAnAnswer()
    {
        var answer = "Ketamine infusions are given through an IV line in the arm [1]. Each infusion lasts about 90 minutes [1]. " +
                     "Ketamine is also approved for anxiety [2]. You must not drive for 24 hours after a treatment. [5]";
        var result = new AnswerVerifier(0.7).Verify(answer, All);
        Assert.Equal(["Ketamine infusions are given through an IV line in the arm.", "You must not drive for 24 hours after a treatment."], result.Kept.Select(s => s.Claim));
        Assert.Equal([RejectionReason.NumberNotInPassage, RejectionReason.Unsupported], result.Rejected);
    }

    [Fact]
    public void CutsACitationOnlyReplyAndEmptySentences()
    {
        var result = new AnswerVerifier(0.7).Verify("[1]. Yes [2].", All);
        Assert.Empty(result.Kept);
        Assert.NotEmpty(result.Rejected);
    }
}
