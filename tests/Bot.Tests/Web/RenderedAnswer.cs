using Microsoft.Playwright;

namespace Clinic.Bot.Tests.Web;

/// <summary>A bot answer as the visitor sees it, read from the page through <see cref="ChatPageSelectors"/>.</summary>
internal sealed record RenderedAnswer(string Text, IReadOnlyList<RenderedCitation> Citations, IReadOnlyList<string> Disclaimers, bool OffersFeedback)
{
    /// <summary>Waits for a bot bubble whose text contains <paramref name="containing"/> and reads it with any extras.</summary>
    public static async Task<RenderedAnswer> WaitForAsync(IPage page, string containing)
    {
        var bubble = page.Locator(ChatPageSelectors.BotBubble).Filter(new() { HasText = containing }).Last;
        await Assertions.Expect(bubble).ToBeVisibleAsync();
        var text = (await bubble.InnerTextAsync()).Trim();

        // Answers carrying channelData.clinic are wrapped with their extras; plain replies (the echo placeholder) are not.
        var answer = page.Locator(ChatPageSelectors.Answer).Filter(new() { Has = bubble });
        if (await answer.CountAsync() == 0)
        {
            return new RenderedAnswer(text, [], [], false);
        }
        var extras = answer.Last.Locator(ChatPageSelectors.AnswerExtras);
        var citations = new List<RenderedCitation>();
        foreach (var citation in await extras.Locator(ChatPageSelectors.Citation).AllAsync())
        {
            var section = citation.Locator(ChatPageSelectors.CitationSection);
            var quote = citation.Locator(ChatPageSelectors.CitationQuote);
            citations.Add(new RenderedCitation(
                (await citation.Locator(ChatPageSelectors.CitationTitle).InnerTextAsync()).Trim(),
                await section.CountAsync() > 0 ? (await section.InnerTextAsync()).Trim() : null,
                await quote.CountAsync() > 0 ? (await quote.TextContentAsync())?.Trim() : null,
                await citation.GetAttributeAsync("data-source")));
        }
        var disclaimers = new List<string>();
        foreach (var disclaimer in await extras.Locator(ChatPageSelectors.Disclaimer).AllAsync())
        {
            disclaimers.Add((await disclaimer.InnerTextAsync()).Trim());
        }
        var offersFeedback = await extras.Locator(ChatPageSelectors.FeedbackUp).CountAsync() > 0;
        return new RenderedAnswer(text, citations, disclaimers, offersFeedback);
    }
}

internal sealed record RenderedCitation(string Title, string? Section, string? Quote, string? Source);
