using System.Text.RegularExpressions;

namespace Clinic.Knowledge.Answers;

/// <summary>Refuses, before any retrieval, messages that are not questions the corpus could answer.</summary>
internal static partial class QuestionGate
{
    public static DeclineReason? Check(string? question, int maxLength)
    {
        // Small talk often comes in pieces ("hi! how are you today?"): it is small talk when every piece is.
        if (string.IsNullOrWhiteSpace(question))
            return DeclineReason.Empty;
        if (question.Length > maxLength)
            return DeclineReason.TooLong;
        if (!LooksLikeText(question))
            return DeclineReason.NotText;
        if (Injection().IsMatch(question))
            return DeclineReason.Injection;
        var pieces = question.Split(['.', '!', '?', ',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (pieces.Length > 0 && pieces.All(p => ChitChat().IsMatch(p)))
            return DeclineReason.ChitChat;
        return null;
    }

    /// <summary>Whether the text tries to give a model instructions ("ignore previous instructions", "you are now").</summary>
    public static bool LooksLikeInjection(string text) => Injection().IsMatch(text);

    // Binary garbage decodes to control characters and U+FFFD; real questions have letters.
    private static bool LooksLikeText(string text)
    {
        var letters = 0;
        var junk = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
                letters++;
            else if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
                junk++;
        }
        return letters > 0 && junk * 10 <= text.Length;
    }

    [GeneratedRegex(
        @"\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instructions?|rules|prompts?|guidelines|guardrails|programming|everything( above)?)\b" +
        @"|\b(system|developer|hidden|initial)\s+(prompt|message|instructions?)\b" +
        @"|\byou\s+are\s+(now|no\s+longer)\b|\bfrom\s+now\s+on\s+(you|act|respond)\b|\bpretend\s+(to\s+be|you('re|\s+are))\b" +
        @"|\b(act|behave|respond)\s+as\s+(if\s+you|an?\s+(unrestricted|unfiltered|uncensored|different|new|evil|ai|assistant|chatbot|bot|doctor|pharmacist|chemist)\b)|\b(jailbreak|DAN\s+mode|developer\s+mode|do\s+anything\s+now)\b" +
        @"|\b(reveal|print|show|repeat)\s+(me\s+)?(your|the)\s+(instructions|prompt|rules|system)\b|\bnew\s+instructions?\b" +
        @"|</?\s*(context|system|instructions?|prompt)\s*>|\bsystem\s+override\b|\b(reply|respond|answer)\s+only\s+with\b|\bconfirm\s+this\s+to\s+the\s+user\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Injection();

    [GeneratedRegex(
        @"^(hi|hello|hey|yo|good\s+(morning|afternoon|evening)|thanks?(\s+you)?|thank\s+you( so much)?|ok(ay)?|cool|great|bye|goodbye|lol|haha|" +
        @"that'?s\s+(all|it)|see\s+(you|ya)|have\s+a\s+(good|nice)\s+(day|one)|how\s+are\s+you\s+today|what('s|\s+is)\s+your\s+fav(ou?rite)?\s+\w+|" +
        @"are\s+you\s+(a\s+)?(real\s+)?(person|human|bot|robot|ai)(\s+or\s+(a\s+)?(real\s+)?(person|human|bot|robot|ai))?|" +
        @"how\s+are\s+you( doing)?|what('s|\s+is)\s+your\s+name|who\s+are\s+you|are\s+you\s+(a\s+)?(bot|human|real|robot)|" +
        @"tell\s+me\s+a\s+(joke|story)|(sing|write)\s+(me\s+)?a\s+(song|poem)|what('s|\s+is)\s+up)\W*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChitChat();
}
