using Clinic.Bot.Safety;

namespace Clinic.Bot.Tests.Safety;

public sealed class BenignTriageTests
{
    [Theory]
    [InlineData("you guys are killing it")]
    [InlineData("just killing time in the lobby")]
    [InlineData("I'm dying to try the nasal spray")]
    [InlineData("my neck is killing me after that drive")]
    [InlineData("I'd kill for a nap")]
    [InlineData("the new nurse is drop dead gorgeous")]
    [InlineData("shoot me a message when you can")]
    [InlineData("I'm dead tired today")]
    [InlineData("I almost died laughing")]
    [InlineData("my phone died halfway through the call")]
    [InlineData("my computer won't wake up from sleep mode")]
    [InlineData("I'm cutting back on sugar")]
    [InlineData("that would be social suicide lol")]
    [InlineData("you nearly gave me a heart attack")]
    [InlineData("I'm expecting a package today")]
    [InlineData("I'm killing myself at work this week")]
    [InlineData("this team is pregnant with possibilities")]
    public void IdiomsAreNotRisk(string text) =>
        Assert.Equal(TriageLevel.None, SafetyFixture.LevelOf(text));

    [Theory]
    [InlineData("I'm not pregnant and have no heart problems")]
    [InlineData("I do not have glaucoma")]
    [InlineData("I've never had a heart attack")]
    [InlineData("not on any MAOIs")]
    [InlineData("I'm not suicidal, just exhausted")]
    [InlineData("I have no history of psychosis, mania or seizures")]
    [InlineData("I don't have high blood pressure, heart disease or an overactive thyroid")]
    [InlineData("Pregnant: no. Breastfeeding: no.")]
    [InlineData("My pregnancy test was negative")]
    public void DeniedConditionsDoNotEscalate(string text) =>
        Assert.False(SafetyFixture.Triage.Classify(text).Escalates, text);

    [Theory]
    [InlineData("can ketamine reduce suicidal thoughts?")]
    [InlineData("is ketamine safe during pregnancy?")]
    [InlineData("what are the contraindications?")]
    [InlineData("Does ketamine interact with Nardil?")]
    [InlineData("Can people with glaucoma have ketamine?")]
    [InlineData("Why can't people with high blood pressure get ketamine?")]
    [InlineData("Does ketamine cause seizures?")]
    [InlineData("Is ketamine given to suicidal patients?")]
    [InlineData("What happens if someone takes too much ketamine?")]
    [InlineData("What if I got pregnant during the treatment course?")]
    [InlineData("What should I do if I feel suicidal after an infusion?")]
    public void QuestionsAboutATopicAreInformational(string text) =>
        Assert.Equal(TriageLevel.Informational, SafetyFixture.LevelOf(text));

    [Theory]
    [InlineData("Will I hallucinate during the session?")]
    [InlineData("Will I have severe dissociation?")]
    [InlineData("Would I feel manic afterwards?")]
    public void QuestionsAboutEffectsOfTreatmentDoNotEscalate(string text) =>
        Assert.False(SafetyFixture.Triage.Classify(text).Escalates, text);

    [Theory]
    [InlineData("What time do you open?")]
    [InlineData("I take sertraline and my blood pressure is normal")]
    [InlineData("I have an underactive thyroid")]
    [InlineData("I was diagnosed with hypothyroidism")]
    [InlineData("I have low blood pressure")]
    [InlineData("putting my forms in the mail today")]
    [InlineData("I paid my bills")]
    [InlineData("I'll have my husband drive me home")]
    [InlineData("")]
    [InlineData("   ")]
    public void OrdinaryMessagesAreNone(string text) =>
        Assert.Equal(TriageLevel.None, SafetyFixture.LevelOf(text));

    [Theory]
    [InlineData("Do you have a suicide prevention hotline number I could share with my students?")]
    [InlineData("We're planning an overdose awareness training for staff, could your clinic speak?")]
    [InlineData("I read an article about ketamine overdoses, so I'm a bit nervous before my first session")]
    [InlineData("The new patient questionnaire asks about suicidal thoughts, do I fill that in before the visit?")]
    public void TopicsNamedInPassingDoNotEscalate(string text) =>
        Assert.False(SafetyFixture.Triage.Classify(text).Escalates, text);

    [Fact]
    public void NullMessageIsNone() => Assert.Equal(TriageResult.None, SafetyFixture.Triage.Classify(null));
}
