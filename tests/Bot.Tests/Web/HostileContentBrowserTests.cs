using System.Net;
using Clinic.Bot.Storage;
using Clinic.Bot.Tests.App;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Clinic.Bot.Tests.Web;

/// <summary>
/// The real app with the clinic's corpus plus one document full of HTML and script, and the staff page on: whatever a
/// visitor types or a document says is shown as text in Web Chat, in citations and on the staff page, and never runs.
/// </summary>
public sealed class HostileContentBrowserTests(HostileCorpusAppFixture app, BrowserFixture browser)
    : IClassFixture<HostileCorpusAppFixture>, IClassFixture<BrowserFixture>
{
    static HostileContentBrowserTests() => SetDefaultExpectTimeout(30_000);

    // Every payload sets window.__pwned if it ever runs; none may become an element either.
    private static readonly string[] Messages =
    [
        "<img src=x onerror=\"window.__pwned='img'\"> what does ketamine cost?",
        "<script>window.__pwned='script'</script> is ketamine addictive?",
        "[click for help](javascript:window.__pwned='md-link') and <a href=\"javascript:window.__pwned='a'\">this</a>",
        "![x](x\" onerror=\"window.__pwned='md-img') <svg onload=\"window.__pwned='svg'\"></svg> <iframe src=\"javascript:window.__pwned='iframe'\"></iframe>",
        "<img src=x onerror=\"window.__pwned='crisis'\"> i want to kill myself <script>window.__pwned='crisis-script'</script>",
    ];

    /// <summary>Elements under <paramref name="scope"/> that only injected markup would make.</summary>
    private static string Injected(string scope, params string[] more) => string.Join(", ",
        new[] { "img:not(.webchat__render-markdown__external-link-icon[src^='data:image/'])", "script", "iframe", "svg:not([aria-hidden=true])", "a[href^='javascript:' i]", "[onerror]", "[onload]" }.Concat(more)
            .Select(element => scope + " " + element));

    [Fact]
    public async Task HostileMessagesShowAsTextInWebChatAndOnTheStaffPage()
    {
        var session = await BrowserSession.OpenAsync(browser.Browser, app.BaseAddress);
        await session.WaitUntilConnectedAsync();

        // A visitor reads each reply before typing the next message.
        var replies = session.Page.Locator(ChatPageSelectors.BotBubble);
        foreach (var message in Messages)
        {
            var before = await replies.CountAsync();
            await session.TypeAndSendAsync(message);
            await Expect(session.Page.Locator(ChatPageSelectors.UserBubble).Filter(new() { HasText = Shown(message) })).ToHaveCountAsync(1);
            await Expect(replies.Nth(before)).ToBeVisibleAsync();
        }
        await Expect(replies.Filter(new() { HasText = "988" })).Not.ToHaveCountAsync(0);
        await session.Page.ScreenshotAsync(new() { Path = Screenshot("hostile-messages.png") });

        Assert.Equal(0, await session.Page.Locator(Injected(".webchat__bubble")).CountAsync());
        Assert.Null(await session.PwnedFlagAsync());
        Assert.Empty(session.Problems);

        var crisis = (await app.Services.GetRequiredService<IEscalationStore>().ListEscalationsAsync(null, 500))
            .Single(e => e.ConversationId == session.ConversationId && e.Kind == "crisis");
        var staff = await BrowserSession.OpenAsync(browser.Browser, new Uri(app.BaseAddress, "/staff"));
        await staff.Page.FillAsync("#key-name", "Nurse Kim");
        await staff.Page.FillAsync("#key-value", HostileCorpusAppFixture.StaffKey);
        await staff.Page.ClickAsync("#key-form button[type=submit]");
        await staff.Page.Locator($"#list li[data-id='{crisis.Id}']").ClickAsync();
        await Expect(staff.Page.Locator("#detail-message")).ToHaveTextAsync(Messages[^1]);

        var transcript = await staff.Page.Locator("#detail-transcript").TextContentAsync();
        foreach (var message in Messages)
            Assert.Contains(message, transcript);
        await staff.Page.ScreenshotAsync(new() { Path = Screenshot("hostile-staff-page.png") });
        Assert.Equal(0, await staff.Page.Locator(Injected("main")).CountAsync());
        Assert.Null(await staff.PwnedFlagAsync());
        Assert.Empty(staff.Problems);
    }

    [Fact]
    public async Task HtmlInACorpusDocumentIsQuotedAsTextInTheAnswerAndItsCitation()
    {
        var session = await BrowserSession.OpenAsync(browser.Browser, app.BaseAddress);
        await session.WaitUntilConnectedAsync();

        await session.TypeAndSendAsync("Where can I park when I come for treatment?");
        var answer = await RenderedAnswer.WaitForAsync(session.Page, "park for free");
        foreach (var summary in await session.Page.Locator(".clinic-source__summary").AllAsync())
            await summary.ClickAsync();

        // Shown as the characters they are (Web Chat curls the quotes); the Markdown link to javascript: stays text.
        Assert.Contains("<img src=x onerror=", answer.Text);
        Assert.Contains("[to have it validated](javascript:", answer.Text);
        // A Markdown image is not on the allow-list: its description is shown, nothing is fetched.
        Assert.Contains("before you leave clinic logo.", answer.Text);
        // What the allow-list keeps still works: a web address is a link that opens safely in a new window.
        var link = session.Page.Locator(ChatPageSelectors.BotBubble + " a[href='https://clinic.example/parking']");
        await Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer");
        Assert.Contains(answer.Citations, c => c.Source == HostileCorpusAppFixture.DocumentName
            && c.Quote!.Contains("<script>window.__pwned='doc-script'</script>", StringComparison.Ordinal));
        await Expect(session.Page.Locator(ChatPageSelectors.CitationQuote).First).ToBeVisibleAsync();
        await session.Page.ScreenshotAsync(new() { Path = Screenshot("hostile-document.png") });

        Assert.Equal(0, await session.Page.Locator(Injected(".webchat__bubble", "b")).CountAsync());
        Assert.Equal(0, await session.Page.Locator(Injected("[data-testid=answer-extras]", "b", "blockquote *")).CountAsync());
        Assert.Null(await session.PwnedFlagAsync());
        Assert.Empty(session.Problems);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/staff")]
    [InlineData("/staff/api/me")]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/no/such/page")]
    public async Task EveryResponseCarriesAScriptTightContentSecurityPolicyAndTheOtherHeaders(string path)
    {
        using var response = await app.Http.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
        var scripts = directives.GetValueOrDefault("script-src") ?? directives["default-src"];
        Assert.DoesNotContain("'unsafe-inline'", scripts);
        Assert.DoesNotContain("'unsafe-eval'", scripts);
        Assert.DoesNotContain("*", scripts);
        Assert.Equal(["'none'"], directives.GetValueOrDefault("object-src") ?? directives["default-src"]);
        Assert.True(directives.ContainsKey("frame-ancestors"), csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        if (path != "/no/such/page")
            Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheStaffPageCannotBeFramedButTheChatPageCan()
    {
        using var staff = await app.Http.GetAsync("/staff");
        using var chat = await app.Http.GetAsync("/");

        Assert.Contains("frame-ancestors 'none'", Header(staff, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(staff, "X-Frame-Options"));
        Assert.Contains("frame-ancestors *", Header(chat, "Content-Security-Policy"));
    }

    // Web Chat shows a user's message as typed, with Markdown rendered: compare on text that survives either way.
    private static string Shown(string message) => message.Contains("kill myself", StringComparison.Ordinal) ? "i want to kill myself" : message[^12..];

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage!.RequestUri}");

    private static string Screenshot(string name) => Path.Combine(DirectLine.RepoPaths.Artifacts("screenshots"), name);
}

/// <summary>The real app on a copy of the clinic's corpus plus a document with HTML and script in it, with the staff page on.</summary>
public sealed class HostileCorpusAppFixture : AppFixture
{
    public const string StaffKey = "correct-horse-battery-staple-42";
    public const string DocumentName = "900_parking.txt";

    private const string Document = """
        Parking and arrival at the clinic

        Patients can park for free in the garage behind the clinic on <b>Elm Street</b> <img src=x onerror="window.__pwned='doc-img'"> during every ketamine treatment.
        The garage <script>window.__pwned='doc-script'</script> opens at seven in the morning, and a driver must take you home after treatment.
        Bring your parking ticket to the front desk [to have it validated](javascript:window.__pwned='doc-link') <a href="javascript:window.__pwned='doc-a'">or ask us</a> (map: https://clinic.example/parking) before you leave ![clinic logo](https://tracker.example/pixel.png).
        """;

    public HostileCorpusAppFixture()
    {
        var corpus = Directory.CreateDirectory(Path.Combine(Folder, "corpus")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "corpus")))
            File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(corpus, DocumentName), Document);
        ExtraSettings = new Dictionary<string, string>
        {
            ["Knowledge:CorpusPath"] = corpus,
            ["Staff:Key"] = StaffKey,
        };
    }

    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; }
}
