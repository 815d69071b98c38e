using System.Text.RegularExpressions;
using Clinic.Bot.Storage;
using Clinic.Bot.Tests.App;
using Clinic.Bot.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Clinic.Bot.Tests.Web;

/// <summary>
/// The whole app as Program.cs builds it (real corpus, index, triage, SQLite) on a real loopback port, driven through
/// the chat page in Chromium: no stand-in bot anywhere.
/// </summary>
public sealed partial class FullAppBrowserTests(AppFixture app, BrowserFixture browser) : IClassFixture<AppFixture>, IClassFixture<BrowserFixture>
{
    static FullAppBrowserTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task VisitorTypesAQuestionGetsAGroundedAnswerRatesItDownAndACrisisGets988()
    {
        var session = await BrowserSession.OpenAsync(browser.Browser, app.BaseAddress);
        await session.WaitUntilConnectedAsync();

        await session.TypeAndSendAsync("What are the common side effects of ketamine?");
        var answer = await RenderedAnswer.WaitForAsync(session.Page, "dizziness");

        Assert.NotEmpty(answer.Citations);
        foreach (var citation in answer.Citations)
        {
            // Grounded: every quote shown is text of the corpus file the citation names.
            var file = Path.Combine(AppContext.BaseDirectory, "corpus", citation.Source!);
            Assert.Contains(Collapse(citation.Quote!), Collapse(await File.ReadAllTextAsync(file)));
        }
        Assert.Contains(answer.Disclaimers, d => d.Contains("not medical advice", StringComparison.OrdinalIgnoreCase));
        Assert.True(answer.OffersFeedback);
        await session.Page.ScreenshotAsync(new() { Path = Screenshot("full-app-answer.png") });

        await session.Page.Locator(ChatPageSelectors.FeedbackDown).Last.ClickAsync();
        await Expect(session.Page.Locator(ChatPageSelectors.FeedbackThanks).Last).ToHaveTextAsync("Thanks for your feedback");
        var conversationId = session.ConversationId!;
        var store = app.Services.GetRequiredService<IConversationStore>();
        var feedback = await WaitForAsync(async () => (await store.GetFeedbackAsync(conversationId)).SingleOrDefault());
        Assert.Equal(FeedbackRating.Down, feedback.Rating);

        await session.TypeAndSendAsync("i cant go on, i want to kill myself");
        var crisis = session.Page.Locator(ChatPageSelectors.BotBubble).Filter(new() { HasText = "988" }).Last;
        await Expect(crisis).ToContainTextAsync("911");
        var escalations = await app.Services.GetRequiredService<IEscalationStore>().ListEscalationsAsync(null, 500);
        Assert.Contains(escalations, e => e.ConversationId == conversationId && e.Kind == "crisis");
        await session.Page.ScreenshotAsync(new() { Path = Screenshot("full-app-crisis.png") });
        Assert.Empty(session.Problems);
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe) where T : class
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await probe() is { } found)
                return found;
            await Task.Delay(50, giveUp.Token);
        }
    }

    private static string Screenshot(string name) => Path.Combine(RepoPaths.Artifacts("screenshots"), name);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
