using Clinic.Bot.Dialog;

namespace Clinic.Bot.Tests.Dialog;

public sealed class IntentsTests
{
    [Theory]
    [InlineData("I want to talk to a person")]
    [InlineData("Can I talk to a person please?")]
    [InlineData("could I speak with a nurse")]
    [InlineData("may I please chat with someone")]
    [InlineData("human please")]
    public void RecognisesARequestForStaff(string text) => Assert.True(Intents.IsTalkToPerson(text));

    [Theory]
    [InlineData("Can I talk to my doctor about ketamine before booking, and what should I ask them about side effects?")]
    [InlineData("can I drive after the infusion")]
    public void DoesNotTakeQuestionsForARequestForStaff(string text) => Assert.False(Intents.IsTalkToPerson(text));
}
