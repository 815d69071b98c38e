using System.Text.Json.Nodes;
using Clinic.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Bot.Tests.App;

/// <summary>The FAQ dialog end to end: a website visitor over Direct Line, the real pipeline, the real SQLite store.</summary>
public sealed class ConversationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static JsonObject? Clinic(JsonObject reply) => reply["channelData"]?["clinic"] as JsonObject;

    private static string Text(JsonObject reply) => reply["text"]?.GetValue<string>() ?? "";

    private async Task<IReadOnlyList<EscalationRecord>> EscalationsOfAsync(string conversationId)
    {
        var store = app.Services.GetRequiredService<IEscalationStore>();
        return (await store.ListEscalationsAsync(null, 500)).Where(e => e.ConversationId == conversationId).ToList();
    }

    [Fact]
    public async Task AnswersAQuestionWithCitationsAndDisclaimers()
    {
        var visitor = await app.NewVisitorAsync();
        var replies = await visitor.AskAsync("What are the common side effects of ketamine?");
        var answer = Assert.Single(replies);
        var clinic = Clinic(answer)!;
        Assert.True(clinic["answered"]!.GetValue<bool>());
        Assert.NotEmpty(clinic["citations"]!.AsArray());
        Assert.NotEmpty(clinic["disclaimers"]!.AsArray());
        Assert.Contains("dizziness", Text(answer), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RepliesToACrisisWithResourcesAndRecordsTheEscalationFirst()
    {
        var visitor = await app.NewVisitorAsync();
        var replies = await visitor.AskAsync("i cant do this anymore, i want to kill myself");
        Assert.Contains("988", Text(replies[0]));
        Assert.Contains("911", Text(replies[0]));
        var escalation = Assert.Single(await EscalationsOfAsync(visitor.ConversationId));
        Assert.Equal("crisis", escalation.Kind);
        Assert.Contains("kill myself", escalation.TriggeringText);
    }

    [Theory]
    [InlineData("I want to talk to someone, I want to kill myself")]
    [InlineData("can someone call me, i took too much and can't breathe")]
    public async Task ACrisisInsideARequestForAPersonGetsTheCrisisReplyAndACrisisAlert(string message)
    {
        var visitor = await app.NewVisitorAsync();
        var replies = await visitor.AskAsync(message);
        Assert.Contains("911", Text(replies[0]));
        Assert.Contains(await EscalationsOfAsync(visitor.ConversationId), e => e.Kind == "crisis" && e.Priority == 3);
    }

    [Fact]
    public async Task EscalatesWhenVisitorDisclosesPregnancyAndTakesConsentedContactDetails()
    {
        var visitor = await app.NewVisitorAsync();
        var replies = await visitor.AskAsync("I'm pregnant, can I still get ketamine treatment?");
        Assert.Contains(Clinic(replies[0])!["disclaimers"]!.AsArray(), d => d!.GetValue<string>().Contains("clinical team"));
        Assert.Contains(replies, r => Text(r).Contains("contact you"));
        Assert.Equal("contraindication", Assert.Single(await EscalationsOfAsync(visitor.ConversationId)).Kind);

        var thanks = await visitor.AskAsync("sure, it's jane.doe@example.com");
        Assert.Contains("Thank you", Text(thanks[0]));
        var details = (await EscalationsOfAsync(visitor.ConversationId)).Single(e => e.Kind == "contact-details");
        Assert.Contains("jane.doe@example.com", details.ContactJson);
    }

    [Fact]
    public async Task LetsTheVisitorDeclineToGiveContactDetails()
    {
        var visitor = await app.NewVisitorAsync();
        await visitor.AskAsync("talk to a person");
        var replies = await visitor.AskAsync("no thanks");
        Assert.Contains("That's fine", Text(replies[0]));
        Assert.DoesNotContain(await EscalationsOfAsync(visitor.ConversationId), e => e.Kind == "contact-details");
    }

    [Fact]
    public async Task RecordsOneStaffRequestWhenAskedTwice()
    {
        var visitor = await app.NewVisitorAsync();
        await visitor.AskAsync("I want to talk to a person");
        await visitor.AskAsync("no");
        var again = await visitor.AskAsync("talk to a human");
        Assert.Contains("already", Text(again[0]));
        Assert.Single(await EscalationsOfAsync(visitor.ConversationId), e => e.Kind == "staff-request");
    }

    [Fact]
    public async Task KeepsCrisisResourcesOnLaterAnswersOnceRiskWasStated()
    {
        var visitor = await app.NewVisitorAsync();
        await visitor.AskAsync("I've been planning to end my life");
        await visitor.AskAsync("no thanks");
        var replies = await visitor.AskAsync("What are the side effects of ketamine?");
        Assert.Contains(Clinic(replies[0])!["disclaimers"]!.AsArray(), d => d!.GetValue<string>().Contains("988"));
        Assert.Single(await EscalationsOfAsync(visitor.ConversationId), e => e.Kind == "crisis");
    }

    [Fact]
    public async Task DeclinesAnOffTopicQuestionAndOffersStaff()
    {
        var visitor = await app.NewVisitorAsync();
        var replies = await visitor.AskAsync("Who won the world series in 2016?");
        Assert.False(Clinic(replies[0])!["answered"]!.GetValue<bool>());
        Assert.Contains(replies[0]["suggestedActions"]!["actions"]!.AsArray(), a => a!["title"]!.GetValue<string>() == "Talk to a person");
    }

    [Fact]
    public async Task AnswersHelpAndStartOver()
    {
        var visitor = await app.NewVisitorAsync();
        Assert.Contains("talk to a person", Text((await visitor.AskAsync("help"))[0]));
        Assert.Contains("start over", Text((await visitor.AskAsync("start over"))[0]), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StoresFeedbackOnAnAnswer()
    {
        var visitor = await app.NewVisitorAsync();
        var answer = (await visitor.AskAsync("How is ketamine given?"))[0];
        var answerId = Clinic(answer)!["answerId"]!.GetValue<string>();
        await visitor.SendAsync(new { type = "event", name = "feedback", from = new { id = "visitor" }, value = new { answerId, rating = "up" } });
        var store = app.Services.GetRequiredService<IConversationStore>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<FeedbackRecord> feedback = [];
        while (DateTime.UtcNow < deadline && feedback.Count == 0)
        {
            feedback = await store.GetFeedbackAsync(visitor.ConversationId);
            await Task.Delay(50);
        }
        Assert.Equal(FeedbackRating.Up, Assert.Single(feedback).Rating);
    }

    [Fact]
    public async Task SavesTheTranscriptOfEachTurn()
    {
        var visitor = await app.NewVisitorAsync();
        await visitor.AskAsync("What is ketamine?");
        var transcript = await app.Services.GetRequiredService<IConversationStore>().GetTranscriptAsync(visitor.ConversationId, 10);
        Assert.Equal([TranscriptRole.User, TranscriptRole.Bot], transcript.Select(t => t.Role));
        Assert.Equal("What is ketamine?", transcript[0].Text);
    }
}
