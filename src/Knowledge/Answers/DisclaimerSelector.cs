using System.Text.RegularExpressions;

namespace Clinic.Knowledge.Answers;

/// <summary>Picks the fixed disclaimers that fit a question and its answer.</summary>
internal static partial class DisclaimerSelector
{
    public static List<string> Select(AnswerOptions options, string question, string answerText, bool answered)
    {
        var list = new List<string>();
        var text = question + "\n" + answerText;
        if (Dosing().IsMatch(text))
            list.Add(options.DosingDisclaimer);
        if (Driving().IsMatch(question))
            list.Add(options.DrivingDisclaimer);
        if (OffLabel().IsMatch(text))
            list.Add(options.OffLabelDisclaimer);
        if (answered)
            list.Add(options.GeneralDisclaimer);
        return list.Where(d => !string.IsNullOrWhiteSpace(d)).Distinct().ToList();
    }

    [GeneratedRegex(@"\b(dos(e|es|age|ages|ing|ed)|mg(/kg)?|milligrams?|how\s+much\s+ketamine)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dosing();

    [GeneratedRegex(@"\b(driv(e|es|ing|er)|drove|car|vehicle|operat(e|ing)\s+(heavy\s+)?machinery|ride\s+home|uber|taxi)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Driving();

    [GeneratedRegex(@"\b(off[\s-]?label|fda|not\s+approved|unapproved)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffLabel();
}
