using Clinic.Bot.Safety;

namespace Clinic.Bot.Tests.Safety;

public sealed class ContraindicationTriageTests
{
    [Theory]
    [InlineData("I'm pregnant with my second", "contra.pregnancy")]
    [InlineData("I'm 20 weeks along", "contra.pregnancy")]
    [InlineData("I'm currently breastfeeding", "contra.breastfeeding")]
    [InlineData("I'm nursing my newborn", "contra.breastfeeding")]
    [InlineData("I have uncontrolled high blood pressure", "contra.hypertension")]
    [InlineData("My BP was 175/110 at my last checkup", "contra.hypertension")]
    [InlineData("I had a heart attack in 2021", "contra.heart")]
    [InlineData("I was diagnosed with a heart arrhythmia", "contra.heart")]
    [InlineData("I've got an overactive thyroid", "contra.hyperthyroidism")]
    [InlineData("I have Graves disease and haven't been treated", "contra.hyperthyroidism")]
    [InlineData("I was diagnosed with glaucoma last spring", "contra.glaucoma")]
    [InlineData("I take phenelzine", "contra.maoi")]
    [InlineData("I stopped Nardil ten days ago", "contra.maoi")]
    [InlineData("I'm on tranylcypromine", "contra.maoi")]
    [InlineData("I use an Emsam patch", "contra.maoi")]
    [InlineData("My neurologist has me on rasagiline", "contra.maoi")]
    [InlineData("I had linezolid in the hospital last week", "contra.maoi")]
    [InlineData("I live with schizophrenia", "contra.psychosis")]
    [InlineData("I've been hearing voices again", "contra.psychosis")]
    [InlineData("I think I'm manic right now", "contra.mania")]
    [InlineData("I was diagnosed bipolar 1", "contra.mania")]
    [InlineData("I was diagnosed with dissociative identity disorder", "contra.dissociation")]
    [InlineData("I was diagnosed with borderline personality disorder", "contra.personality-disorder")]
    [InlineData("I drink a bottle of wine a night and get shaky without it", "contra.substance-withdrawal")]
    [InlineData("I take Klonopin every day", "contra.substance-withdrawal")]
    [InlineData("They found an aneurysm in my brain", "contra.intracranial")]
    [InlineData("I have a lesion on my brain", "contra.intracranial")]
    [InlineData("my liver numbers are bad and the doctor mentioned cirrhosis", "contra.liver")]
    [InlineData("i have hep c that was never treated", "contra.liver")]
    [InlineData("I have acute porphyria, is ketamine ok", "contra.liver")]
    [InlineData("my eye pressure was 30 at my last check", "contra.glaucoma")]
    [InlineData("i take latanoprost drops every night", "contra.glaucoma")]
    [InlineData("i hear people talking when nobody is there", "contra.psychosis")]
    [InlineData("i think im hooked on my adderall", "contra.substance-withdrawal")]
    [InlineData("im taking more than prescribed most days", "contra.substance-withdrawal")]
    [InlineData("i buy k off the street most weekends", "contra.substance-withdrawal")]
    [InlineData("i am 10 days late and super nauseous", "contra.pregnancy")]
    public void EscalatesEachContraindicationOfTheClinicList(string text, string rule)
    {
        var result = SafetyFixture.Triage.Classify(text);
        Assert.Equal(TriageLevel.Contraindication, result.Level);
        Assert.Contains(result.Reasons, r => r.StartsWith(rule + ":", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I'm not sure if I'm pregnant")]
    [InlineData("I might be pregnant, my period is late")]
    [InlineData("I don't know if I have glaucoma, my eye doctor is checking")]
    [InlineData("I don't think I'm pregnant but I haven't tested")]
    public void TreatsUncertaintyAsADisclosure(string text) =>
        Assert.Equal(TriageLevel.Contraindication, SafetyFixture.LevelOf(text));

    [Theory]
    [InlineData("I'm not pregnant but I have glaucoma")]
    [InlineData("No heart issues, though I do take Parnate")]
    [InlineData("I don't drink, but I'm on Xanax daily")]
    public void NegationEndsAtButAndANewSubject(string text) =>
        Assert.Equal(TriageLevel.Contraindication, SafetyFixture.LevelOf(text));

    [Theory]
    [InlineData("I'm pregant")]
    [InlineData("I have glacoma")]
    [InlineData("I have hypertenson")]
    [InlineData("I'm on nardill")]
    [InlineData("I have schizophrenya")]
    [InlineData("i have bi-polar")]
    [InlineData("I'm pre\u200Bgnant")]
    [InlineData("I have gl\u0430uc\u043ema")]
    public void EscalatesMisspelledOrObfuscatedDisclosures(string text) =>
        Assert.Equal(TriageLevel.Contraindication, SafetyFixture.LevelOf(text));

    [Theory]
    [InlineData("My wife is pregnant and wants to start ketamine")]
    [InlineData("my dad has heart disease, can he come in?")]
    [InlineData("She takes Marplan")]
    public void EscalatesDisclosuresAboutSomeoneTheVisitorSpeaksFor(string text) =>
        Assert.Equal(TriageLevel.Contraindication, SafetyFixture.LevelOf(text));

    [Theory]
    [InlineData("Pregnant. Is that ok?")]
    [InlineData("Currently on selegiline")]
    [InlineData("Diagnosed with hyperthyroidism in May")]
    public void EscalatesFragmentsThatAnswerLikeAnIntakeForm(string text) =>
        Assert.Equal(TriageLevel.Contraindication, SafetyFixture.LevelOf(text));

    [Fact]
    public void GluedWordsAreSplitIntoKnownTerms() =>
        Assert.Equal(TriageLevel.Contraindication, SafetyFixture.LevelOf("I take newmaoidrug every morning"));

    [Fact]
    public void AnswerPointingBackAtAQuestionIsADisclosure() =>
        Assert.Equal(TriageLevel.Contraindication, SafetyFixture.LevelOf("Is ketamine safe while breastfeeding? Asking because I am."));

    [Fact]
    public void ReportsEveryDisclosedContraindication()
    {
        var result = SafetyFixture.Triage.Classify("I have glaucoma and I take Nardil");
        Assert.Contains(result.Reasons, r => r.StartsWith("contra.glaucoma:", StringComparison.Ordinal));
        Assert.Contains(result.Reasons, r => r.StartsWith("contra.maoi:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("we had liver and onions for dinner, can I eat before the infusion")]
    [InlineData("I'm 10 minutes late, sorry")]
    [InlineData("got a positive covid test, can I reschedule?")]
    [InlineData("I'm sure people are watching us from the waiting room window lol")]
    public void EverydayWordsNearTheNewConditionsDoNotEscalate(string text) =>
        Assert.True(SafetyFixture.LevelOf(text) < TriageLevel.Contraindication);
}
