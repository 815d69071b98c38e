using System.Text.Json;
using Clinic.Bot.Protocol;

namespace Clinic.Bot.Tests.Protocol;

public class TeamsActivityTests
{
    private static Activity Message(string text, params (string Id, string Text)[] mentions) => new()
    {
        Type = "message",
        Text = text,
        Recipient = new ChannelAccount { Id = "28:bot", Name = "Clinic Bot" },
        Entities = mentions
            .Select(m => JsonSerializer.SerializeToElement(new { type = "mention", text = m.Text, mentioned = new { id = m.Id, name = "x" } }))
            .Append(JsonSerializer.SerializeToElement(new { type = "clientInfo", locale = "en-US" }))
            .ToList(),
    };

    [Fact]
    public void RemovesTheBotsOwnMentionAndTrims()
    {
        var activity = Message("<at>Clinic Bot</at> What should I eat before a session?", ("28:bot", "<at>Clinic Bot</at>"));

        Assert.Equal("What should I eat before a session?", TeamsActivity.RemoveBotMention(activity));
    }

    [Fact]
    public void KeepsOtherPeoplesMentions()
    {
        var activity = Message(
            "<at>Clinic Bot</at> can <at>Dr Lee</at> see me?",
            ("28:bot", "<at>Clinic Bot</at>"),
            ("29:doctor", "<at>Dr Lee</at>"));

        Assert.Equal("can <at>Dr Lee</at> see me?", TeamsActivity.RemoveBotMention(activity));
    }

    [Fact]
    public void AMessageThatIsOnlyTheMentionBecomesEmpty()
    {
        var activity = Message("<at>Clinic Bot</at>\u00a0 ", ("28:bot", "<at>Clinic Bot</at>"));

        Assert.Equal(string.Empty, TeamsActivity.RemoveBotMention(activity));
    }

    [Fact]
    public void LeavesAMentionOfSomeoneWithTheSameNameButAnotherId()
    {
        var activity = Message("<at>Clinic Bot</at> hi", ("29:impostor", "<at>Clinic Bot</at>"));

        Assert.Equal("<at>Clinic Bot</at> hi", TeamsActivity.RemoveBotMention(activity));
    }

    [Fact]
    public void DoesNotChangeTheActivity()
    {
        var activity = Message("<at>Clinic Bot</at> hi", ("28:bot", "<at>Clinic Bot</at>"));

        TeamsActivity.RemoveBotMention(activity);

        Assert.Equal("<at>Clinic Bot</at> hi", activity.Text);
    }

    [Fact]
    public void ToleratesMissingOrOddEntities()
    {
        var activity = new Activity
        {
            Type = "message",
            Text = "  hello ",
            Recipient = new ChannelAccount { Id = "28:bot" },
            Entities = [JsonSerializer.SerializeToElement("not an object"), JsonSerializer.SerializeToElement(new { type = "mention", mentioned = "28:bot" })],
        };

        Assert.Equal("hello", TeamsActivity.RemoveBotMention(activity));
        Assert.Equal(string.Empty, TeamsActivity.RemoveBotMention(new Activity { Type = "message" }));
    }
}
