using System.Text.RegularExpressions;

namespace Clinic.Bot.Dialog;

/// <summary>The few commands the dialog understands besides questions. Anchored patterns: a question that mentions "help" is still a question.</summary>
internal static partial class Intents
{
    public static bool IsHelp(string text) => Help().IsMatch(text);

    public static bool IsStartOver(string text) => StartOver().IsMatch(text);

    public static bool IsTalkToPerson(string text) => TalkToPerson().IsMatch(text);

    public static bool IsDecline(string text) => Decline().IsMatch(text);

    public static bool IsGreeting(string text) => Greeting().IsMatch(text);

    public static bool IsAffirmative(string text) => Affirmative().IsMatch(text);

    /// <summary>A short message that leans on the previous question ("and the nasal spray?", "what about IM?").</summary>
    public static bool IsFollowUp(string text) => FollowUp().IsMatch(text) && text.Length < 80;

    [GeneratedRegex(@"^\W*(help|menu|what can you do|what can i ask|options|commands)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Help();

    [GeneratedRegex(@"^\W*(start\s*over|restart|reset|new conversation|clear|start again|begin again)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartOver();

    [GeneratedRegex(
        @"^\W*(i\s+(want|would like|need|'d like)\s+to\s+|(can|could|may)\s+i\s+(please\s+)?)?(talk|speak|chat)\s+(to|with)\s+(a|an|some|the)?\s*(person|human|real person|staff|someone|nurse|doctor|agent|representative|team)\b.{0,40}$" +
        @"|^\W*(human|agent|operator|representative|staff|real person)( please)?\W*$|^\W*(can|could)\s+(someone|a person|staff|a nurse)\s+(call|contact|email)\s+me\b.{0,40}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TalkToPerson();

    [GeneratedRegex(@"^\W*(no|nope|no thanks?|no thank you|not now|decline|skip|i('d)? rather not|don'?t contact me|no,? thanks?)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Decline();

    [GeneratedRegex(@"^\W*(yes|yeah|yep|sure|ok(ay)?|please( do)?|yes,? please( contact me)?|please contact me|that would be (good|great|helpful))\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Affirmative();

    [GeneratedRegex(@"^\W*(hi|hello|hey|good (morning|afternoon|evening)|hiya|howdy)( there)?\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^\W*(and|also|what about|how about|same for|and what about|and for|what if it'?s|and if it'?s)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FollowUp();
}
