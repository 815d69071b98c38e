using System.Globalization;
using System.Text;

namespace Clinic.Knowledge.Retrieval;

/// <summary>Turns text into the terms both the index and queries use: folded, tokenized, stop words out, lightly stemmed.</summary>
internal static partial class TextAnalyzer
{
    // Question words and fillers carry no topic; keeping them would make every "what is ..." match every definition.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
        "me", "more", "most", "my", "myself", "no", "nor", "of", "off", "on", "once", "only", "or", "other", "our",
        "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
        "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
        "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
        "would", "you", "your", "yours", "yourself", "s", "t", "ll", "re", "ve", "d", "m", "don", "doesn", "isn",
        "im", "ive", "id", "get", "got", "may", "might", "must", "much", "many", "really", "please", "tell", "know",
        "want", "need", "like", "thing", "things", "anything", "something", "someone", "anyone", "us", "let", "yes",
        "okay", "ok", "hi", "hello", "hey", "thanks", "thank", "whats", "hows", "wanna", "gonna", "kind", "sort",
        "usually", "typically", "generally", "actually", "ever", "even", "still", "well", "go", "going", "come",
        "exactly", "basically", "literally", "honestly", "just", "kinda", "sorta", "maybe", "perhaps", "right", "anyway",
        "say", "said", "mean", "means", "word", "question", "wondering", "wonder", "curious", "guess", "think",
        // Light verbs and fillers of spoken questions ("give me", "keep", "a lot", "good", "back"): they name no topic, and a
        // small corpus that never uses them must not read them as rare subject words and decline the question.
        "gets", "getting", "give", "gives", "giving", "gave", "keep", "keeps", "keeping", "lot", "lots", "good", "bad",
        "back", "big", "whole", "real", "stuff", "sure", "supposed", "instead", "eventually", "ones", "guy", "guys",
        "goes", "went", "gone", "put", "puts", "bit", "pretty", "quite", "totally", "definitely", "probably",
        // Contractions typed without the apostrophe, and indefinite pronouns: as function words as "is" and "it".
        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "couldnt", "wouldnt", "shouldnt", "wont",
        "hasnt", "havent", "hadnt", "youre", "youve", "youll", "theyre", "thats", "theres", "whos", "nothing",
        "everything", "everyone", "everybody", "somebody", "anybody", "nobody", "none",
    };

    /// <summary>Lower-cases, removes accents and unifies apostrophes and dashes.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
                continue;
            sb.Append(c switch
            {
                '\u2019' or '\u2018' or '\u02bc' or '`' => '\'',
                _ => char.ToLowerInvariant(c),
            });
        }
        return sb.ToString();
    }

    /// <summary>Splits folded text into words of letters and digits; apostrophes inside words are dropped ("don't" becomes "dont").</summary>
    public static List<string> Words(string text)
    {
        // Upper-case "IM" is the route (intramuscular); folded it would read as the stop word "I'm".
        var folded = Fold(UpperCaseIm().Replace(text, "intramuscular"));
        var words = new List<string>();
        var sb = new StringBuilder();
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (c == '\'' && sb.Length > 0 && i + 1 < folded.Length && char.IsLetter(folded[i + 1]))
            {
                // "ketamine's" -> "ketamine" + "s" would add noise; "don't" -> "dont".
                if (folded[i + 1] == 's' && (i + 2 >= folded.Length || !char.IsLetter(folded[i + 2])))
                    i++;
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0)
            words.Add(sb.ToString());
        return words;
    }

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>The index terms of a text: words minus stop words, stemmed.</summary>
    public static List<string> Terms(string text)
    {
        var words = Words(text);
        var terms = new List<string>(words.Count);
        foreach (var w in words)
        {
            if (!IsStopWord(w))
                terms.Add(Stem(w));
        }
        return terms;
    }

    /// <summary>The Porter stem of a word; numbers and short words stay as they are.</summary>
    public static string Stem(string word) =>
        word.Length <= 3 || !word.All(char.IsAsciiLetterLower) ? word : PorterStemmer.Stem(word);

    [System.Text.RegularExpressions.GeneratedRegex(@"\bIM\b")]
    private static partial System.Text.RegularExpressions.Regex UpperCaseIm();
}
