using System.Text.RegularExpressions;

namespace Clinic.Knowledge.Ingestion;

/// <summary>
/// Whole-line rules: each pattern must match a line's entire trimmed content, so a rule can never eat
/// part of a paragraph. Web-page furniture only; anything that could be knowledge stays.
/// </summary>
internal static partial class LineRules
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Page furniture is short; longer lines are paragraphs and skip the whole-line rules.</summary>
    public const int MaxFurnitureChars = 300;

    public static readonly NamedRule[] Drops =
    [
        new("share-widget", ShareWidget()),
        new("form-marker", FormMarker()),
        new("comment-form", CommentForm()),
        new("keyword-list", KeywordList()),
        new("image-credit", StockPhotoCredit()),
        new("image-credit", PhotoByCredit()),
        new("image-markup", ImageMarkup()),
        new("navigation", Navigation()),
        new("call-to-action", CallToActionLine()),
    ];

    /// <summary>A line made only of dashes, bullets or rules: a divider, for example between FAQ answers.</summary>
    [GeneratedRegex(@"^[-–—_*•=~#.·]{1,80}$")]
    public static partial Regex Separator();

    /// <summary>A list marker at the start of a line; the item text starts after the match.</summary>
    [GeneratedRegex(@"^(?:[•▪◦●·]\s*|[-–—*+]\s+|-(?=\p{L})|\d{1,2}[.)]\s+)")]
    public static partial Regex BulletMarker();

    [GeneratedRegex(@"^#{1,6}[ \t]+(?<text>.+?)(?:[ \t]+#+)?$")]
    public static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^(?:=+|-+)$")]
    public static partial Regex SetextUnderline();

    [GeneratedRegex(@"^share(?:\s+(?:this(?:\s+\w+)?|now|on\s+\w+))?\s*:?$", Options)]
    private static partial Regex ShareWidget();

    [GeneratedRegex(@"^(?:top|bottom)\s+of\s+form$", Options)]
    private static partial Regex FormMarker();

    [GeneratedRegex(@"^(?:leave\s+a\s+(?:reply|comment)|post\s+comment|cancel\s+reply|(?:name|email|comment)\s*\*|your\s+email\s+address\s+will\s+not\s+be\s+published\b.*|required\s+fields\s+are\s+marked\b.*|save\s+my\s+name,\s+email\b.*)$", Options)]
    private static partial Regex CommentForm();

    // ": Ketamine, Treatment-Resistant Depression, ..." — a page's keyword meta line: a colon (or label) and
    // four or more short capitalised items, with no sentence in it.
    [GeneratedRegex(@"^(?:(?:key\s*words|tags|topics)\s*)?:\s*(?-i:\p{Lu})[^,:.!?]{0,40}(?:,\s*(?-i:\p{Lu})[^,:.!?]{0,40}){3,}\.?$", Options)]
    private static partial Regex KeywordList();

    [GeneratedRegex(@"^(?:(?:image|photo|picture)(?:\s+(?:credit|source))?\s*(?:by|:)?\s*)?(?:shutterstock|getty\s*images|istock(?:photo)?|adobe\s*stock|unsplash|pexels|depositphotos|dreamstime|freepik)(?:\.com)?(?:\s*[-/|,:]\s*.{0,60})?$", Options)]
    private static partial Regex StockPhotoCredit();

    [GeneratedRegex(@"^photo\s+by\s+.{1,60}\s+on\s+(?:unsplash|pexels)$", Options)]
    private static partial Regex PhotoByCredit();

    [GeneratedRegex(@"^!\[[^\]]*\]\([^)]*\)$")]
    private static partial Regex ImageMarkup();

    [GeneratedRegex(@"^(?:read\s+more|continue\s+reading|previous\s+(?:post|article)|next\s+(?:post|article)|related\s+(?:posts|articles)|back\s+to\s+top|skip\s+to\s+content)\b.{0,100}$", Options)]
    private static partial Regex Navigation();

    // Button-like lines: "Contact Us Today!", "Learn More Today!", "Book a Consultation".
    [GeneratedRegex(@"^(?:(?:contact|call|email|text)\s+us|learn\s+more|get\s+started|(?:book|schedule|request)\s+(?:an?\s+|your\s+)?(?:free\s+)?(?:appointment|consultation|session|visit))(?:\s+(?:today|now|here))?\s*[!.]?$", Options)]
    private static partial Regex CallToActionLine();
}
