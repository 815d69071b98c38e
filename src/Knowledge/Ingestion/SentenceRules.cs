using System.Text.RegularExpressions;

namespace Clinic.Knowledge.Ingestion;

/// <summary>
/// Sentence rules: marketing that speaks for another clinic. The chatbot answers for this clinic only, so a
/// sentence that sells someone else's services, or asks the reader to contact them, is not knowledge.
/// </summary>
internal static partial class SentenceRules
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>The rule name for sentences that mention a clinic the document advertises.</summary>
    public const string ClinicNameRule = "clinic-name";

    public static readonly NamedRule[] Drops =
    [
        new("call-to-action", ContactToday()),
        new("call-to-action", BookConsultation()),
        new("call-to-action", DoNotHesitate()),
        new("call-to-action", ReachOutToUs()),
        new("call-to-action", LearnMoreAboutUs()),
        new("call-to-action", PhoneNumber()),
        new("promotion", OurTeamIs()),
        new("promotion", HereToHelp()),
        new("promotion", WeSpecialize()),
        new("promotion", WeBelieve()),
        new("promotion", HowWeCanHelp()),
        new("promotion", DevotedToYou()),
        new("promotion", QualifiedProvider()),
    ];

    /// <summary>
    /// Phrases that introduce the advertised clinic by name ("contact Holos Wellness today", "At Impact
    /// Psychedelics, our team"); the group <c>name</c> is learned, and other sentences naming it are dropped too.
    /// </summary>
    public static readonly Regex[] ClinicIntroductions = [ContactNameToday(), AtNameOurTeam(), NameIsQualified()];

    /// <summary>Sentences about crises or emergencies are never dropped: a hotline number is knowledge.</summary>
    [GeneratedRegex(@"\b(?:crisis|crises|suicid\w*|lifeline|hotline|emergency|988|911)\b", Options)]
    public static partial Regex SafetyGuard();

    private const string Name = @"(?<![\w'’])(?<name>\p{Lu}[\w'’&.-]*(?:\s+\p{Lu}[\w'’&.-]*){0,3})";

    [GeneratedRegex(@"\b(?:contact|call|email|text|visit)\s+(?:us|(?-i:\p{Lu}[\w'’&.-]*(?:\s+\p{Lu}[\w'’&.-]*){0,3}))\s+(?:today|now)\b", Options)]
    private static partial Regex ContactToday();

    [GeneratedRegex(@"\b(?:schedule|book|request)\s+(?:a|an|your)\s+(?:[\w-]+\s+){0,3}?(?:consultation|appointment)\b", Options)]
    private static partial Regex BookConsultation();

    [GeneratedRegex(@"\bdon['’]?t\s+hesitate\s+to\s+(?:reach\s+out|contact|call|get\s+in\s+touch)\b", Options)]
    private static partial Regex DoNotHesitate();

    [GeneratedRegex(@"\b(?:reach\s+out\s+to|get\s+in\s+touch\s+with)\s+us\b", Options)]
    private static partial Regex ReachOutToUs();

    [GeneratedRegex(@"\blearn\s+more\s+(?:today|about\s+(?:our|us|how\s+we))\b", Options)]
    private static partial Regex LearnMoreAboutUs();

    [GeneratedRegex(@"\b(?:call|text|phone)\b[^.!?]{0,40}?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b", Options)]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"\bour\s+team\b[^.!?]{0,40}?\b(?:is|are|works?)\s+(?:dedicated|devoted|committed|diligently|here)\b", Options)]
    private static partial Regex OurTeamIs();

    [GeneratedRegex(@"\bwe(?:['’]re|\s+are)\s+here\s+to\s+(?:help|answer|support|guide)\b", Options)]
    private static partial Regex HereToHelp();

    [GeneratedRegex(@"\bwe\s+specialize\s+in\b", Options)]
    private static partial Regex WeSpecialize();

    [GeneratedRegex(@"\bwe\s+(?:strongly\s+)?believe\s+in\s+the\s+power\s+of\b", Options)]
    private static partial Regex WeBelieve();

    [GeneratedRegex(@"\bhow\s+we\s+can\s+help\b", Options)]
    private static partial Regex HowWeCanHelp();

    [GeneratedRegex(@"\b(?:is|are)\s+(?:devoted|dedicated|committed)\s+to\s+(?:providing|helping|serving|offering)\s+(?:you|our\s+(?:patients|clients))\b", Options)]
    private static partial Regex DevotedToYou();

    [GeneratedRegex(@"\bis\s+a\s+(?:qualified|leading|trusted|top-rated|premier)\s+(?:[\w-]+\s+){0,4}?provider\b", Options)]
    private static partial Regex QualifiedProvider();

    [GeneratedRegex(@"(?i:\bcontact)\s+(?!(?i:us)\b)" + Name + @"\s+(?i:today|now)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ContactNameToday();

    [GeneratedRegex(@"\bAt\s+" + Name + @",\s+(?i:our|we)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AtNameOurTeam();

    [GeneratedRegex(Name + @"\s+(?:is|are)\s+(?:a\s+(?:qualified|leading|trusted|top-rated|premier)\b|(?:devoted|dedicated|committed)\s+to\s+(?:providing|helping|serving|offering)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex NameIsQualified();
}
