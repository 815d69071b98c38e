using Clinic.Bot.Safety;

namespace Clinic.Bot.Tests.Safety;

public sealed class CrisisTriageTests
{
    [Theory]
    [InlineData("I think I'm going to kill myself this weekend")]
    [InlineData("part of me just wants to die")]
    [InlineData("I have been thinking about taking my own life")]
    [InlineData("i don't want to live like this anymore")]
    [InlineData("What is even the point of living")]
    [InlineData("there is nothing to live for")]
    [InlineData("my kids would be better off without me")]
    [InlineData("I keep wishing I was dead")]
    [InlineData("I plan to end it after my last appointment")]
    [InlineData("I'm going to hurt myself tonight")]
    [InlineData("I've been harming myself again")]
    public void EscalatesPlainSuicidalOrSelfHarmIntent(string text) =>
        Assert.Equal(TriageLevel.Crisis, SafetyFixture.LevelOf(text));

    [Theory]
    [InlineData("ugh kms")]
    [InlineData("thinking about how to unalive myself")]
    [InlineData("ready to end it all")]
    [InlineData("honestly i dont wanna be here anymore")]
    [InlineData("gonna off myself")]
    [InlineData("i think i od'd on my sleeping meds")]
    [InlineData("been cutting a lot since christmas")]
    [InlineData("took all my pills and im scared")]
    [InlineData("i'm so done, no reason to live")]
    public void EscalatesSlangAndEuphemisms(string text) =>
        Assert.Equal(TriageLevel.Crisis, SafetyFixture.LevelOf(text));

    [Theory]
    [InlineData("i want to kil my self")]
    [InlineData("been feeling suicdal all week")]
    [InlineData("I want to end my lfe")]
    [InlineData("tought about suicied again")]
    [InlineData("i want to dieeeeeee")]
    [InlineData("killlll myself")]
    [InlineData("I AM GOING TO KILL MYSELF")]
    public void EscalatesMisspelledElongatedOrShoutedCrisis(string text) =>
        Assert.Equal(TriageLevel.Crisis, SafetyFixture.LevelOf(text));

    [Theory]
    [InlineData("i want to k\u200cill myself")]          // zero-width non-joiner
    [InlineData("su\u2060ici\u200bdal")]                // word joiner and zero-width space
    [InlineData("\ufeffI want to die")]                  // byte order mark
    [InlineData("sui\u00adcidal tonight")]              // soft hyphen
    [InlineData("i w\u0430nt t\u043e d\u0456e")]        // Cyrillic look-alikes
    [InlineData("I want to \u03BAill myself")]           // Greek kappa
    [InlineData("\uff53\uff55\uff49\uff43\uff49\uff44\uff41\uff4c")] // fullwidth
    [InlineData("\U0001D42C\U0001D42E\U0001D422\U0001D41C\U0001D422\U0001D41D\U0001D41E")] // mathematical bold
    [InlineData("su\u0301i\u0308cide")]                 // combining accents
    [InlineData("kiII myself")]                          // capital I for l
    [InlineData("k1ll mys3lf")]
    [InlineData("$u!c!de")]
    [InlineData("5u1c1d3 thoughts")]
    [InlineData("k*ll myself")]
    [InlineData("s-u-i-c-i-d-e")]
    [InlineData("s.u.i.c.i.d.a.l")]
    [InlineData("k i l l  m y s e l f")]
    [InlineData("killmyself")]
    [InlineData("sui cide")]
    public void EscalatesObfuscatedCrisisText(string text) =>
        Assert.Equal(TriageLevel.Crisis, SafetyFixture.LevelOf(text));

    [Theory]
    [InlineData("my brother swallowed a whole bottle of his meds")]
    [InlineData("my wife just had her infusion and she won't wake up")]
    [InlineData("he says he wants to kill himself")]
    [InlineData("my roommate is having a seizure")]
    [InlineData("my partner can't breathe")]
    [InlineData("she overdosed an hour ago")]
    [InlineData("my son has been cutting himself")]
    [InlineData("my daughter told me she does not want to be alive anymore")]
    [InlineData("my husband mixed his spravato with a bunch of xanax and he's slurring")]
    public void EscalatesRiskToSomeoneTheVisitorSpeaksFor(string text) =>
        Assert.Equal(TriageLevel.Crisis, SafetyFixture.LevelOf(text));

    [Theory]
    [InlineData("honestly I am not safe by myself right now")]
    [InlineData("I'm frightened of what I might do to myself tonight")]
    [InlineData("just want one person to read this before I go through with it")]
    [InlineData("what amount would it take to never wake up")]
    [InlineData("combined my ketamine lozenges and wine, room is spinning")]
    public void EscalatesStatementsOfUnsafetyAndPreparation(string text) =>
        Assert.Equal(TriageLevel.Crisis, SafetyFixture.LevelOf(text));

    [Theory]
    [InlineData("I have crushing chest pain since my session")]
    [InlineData("my chest hurts and my left arm is numb")]
    [InlineData("I'm having trouble breathing")]
    [InlineData("Hard to breathe after the infusion")]
    [InlineData("I think I'm having an allergic reaction, my tongue is swelling")]
    [InlineData("I fainted in the parking lot after treatment")]
    [InlineData("passed out twice today")]
    [InlineData("my dad is unresponsive")]
    [InlineData("Should I call 911? I feel really strange after the session")]
    public void EscalatesMedicalEmergencies(string text) =>
        Assert.Equal(TriageLevel.Crisis, SafetyFixture.LevelOf(text));

    [Theory]
    [InlineData("I don't want to live")]
    [InlineData("I can't go on")]
    [InlineData("I don't want to wake up")]
    [InlineData("I'm not going to lie, I want to die")]
    [InlineData("no one would miss me")]
    [InlineData("I can't do this anymore")]
    public void NegationWordsInsideCrisisPhrasesNeverSuppressThem(string text) =>
        Assert.Equal(TriageLevel.Crisis, SafetyFixture.LevelOf(text));

    [Theory]
    [InlineData("can ketamine help me? I've been planning my suicide")]
    [InlineData("Is ketamine safe during pregnancy? I'm pregnant and I want to die")]
    [InlineData("I have glaucoma and high blood pressure and honestly I'm thinking of ending my life")]
    public void CrisisBeatsEveryOtherClass(string text) =>
        Assert.Equal(TriageLevel.Crisis, SafetyFixture.LevelOf(text));

    [Fact]
    public void FindsCrisisBuriedInALongMessage()
    {
        var filler = string.Concat(Enumerable.Repeat("I wanted to ask about parking, billing and the intake forms. ", 40));
        var text = filler + "Also I have been thinking about killing myself. " + filler;
        var result = SafetyFixture.Triage.Classify(text);
        Assert.Equal(TriageLevel.Crisis, result.Level);
        Assert.Contains(result.Reasons, r => r.StartsWith("crisis.suicidal-intent:", StringComparison.Ordinal));
    }

    [Fact]
    public void PointsBackAtATopicMentionedInTheSameMessage() =>
        Assert.Equal(TriageLevel.Crisis, SafetyFixture.LevelOf("Does ketamine help with suicidal thoughts? Because I have them every day."));

    [Fact]
    public void ReasonNamesTheRuleAndTheMatchedWords()
    {
        var result = SafetyFixture.Triage.Classify("I want to kill myself");
        Assert.Contains("crisis.suicidal-intent:\"kill myself\"", result.Reasons);
    }

    private static readonly Lazy<SafetyTriage> RulesOnly = new(() => new SafetyTriage(SafetyTerms.Load()));

    [Theory]
    [InlineData("sitting in the garage, engine running, windows up. is anyone there")]
    [InlineData("ran a hose from the exhaust into the back seat")]
    [InlineData("lit a charcoal grill in my bedroom and shut the door")]
    [InlineData("I'm in the bath with the toaster next to me")]
    [InlineData("i keep wanting to swerve into oncoming traffic on the highway")]
    [InlineData("who will feed my cat after I'm gone?")]
    [InlineData("took my whole week's worth of seroquel at once")]
    [InlineData("i keep blacking out since the infusion")]
    [InlineData("my left arm is numb and my chest feels weird")]
    public void TheRulesEscalateMethodsAndEmergenciesDescribedWithoutNamingThem(string text) =>
        Assert.Equal(TriageLevel.Crisis, RulesOnly.Value.Classify(text).Level);

    [Theory]
    [InlineData("my husband left the car running in the garage to warm it up, can he wait inside?")]
    [InlineData("I dropped my hair dryer in the tub, can I still make my 3pm")]
    [InlineData("my dog gets anxious when I'm gone, how long is the appointment start to finish?")]
    [InlineData("I took a whole month of leave from work for the treatment")]
    [InlineData("I had to swerve into the shoulder to avoid a deer on the way")]
    [InlineData("I veered off the road to miss a dog, I'm shaken but ok, can I still come in")]
    public void EverydayGaragesBathsAndDrivesAreNotCrisis(string text) =>
        Assert.NotEqual(TriageLevel.Crisis, SafetyFixture.LevelOf(text));
}
