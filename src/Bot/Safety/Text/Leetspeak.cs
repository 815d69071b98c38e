namespace Clinic.Bot.Safety.Text;

/// <summary>Reads digits and symbols used as letters inside words ("k1ll", "su!c!de", "d13").</summary>
internal static class Leetspeak
{
    private const int MaxAmbiguous = 4;

    public static bool Applies(string word)
    {
        var letters = 0;
        var symbols = 0;
        foreach (var c in word)
        {
            if (c is >= 'a' and <= 'z')
            {
                letters++;
            }
            else if (Single(c) is not null || c is '1' or '!' or '|')
            {
                symbols++;
            }
        }

        return letters > 0 && symbols > 0 && !IsQuantity(word);
    }

    /// <summary>The readings of the word, most likely first ('1', '!' and '|' may be 'i' or 'l').</summary>
    public static IEnumerable<string> Readings(string word)
    {
        var ambiguous = word.Count(c => c is '1' or '!' or '|');
        if (ambiguous > MaxAmbiguous)
        {
            ambiguous = 0;
        }

        for (var mask = 0; mask < 1 << ambiguous; mask++)
        {
            var chars = new char[word.Length];
            var bit = 0;
            for (var i = 0; i < word.Length; i++)
            {
                var c = word[i];
                if (c is '1' or '!' or '|')
                {
                    var asL = ambiguous > 0 && ((mask >> bit++) & 1) == 1;
                    chars[i] = (c == '|') != asL ? 'l' : 'i';
                }
                else
                {
                    chars[i] = Single(c) ?? c;
                }
            }

            yield return new string(chars);
        }
    }

    private static char? Single(char c) => c switch
    {
        '0' => 'o',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        '@' => 'a',
        '$' => 's',
        _ => null,
    };

    // "10mg", "3pm", "2nd", "24h": digits then a short unit are not leetspeak.
    private static bool IsQuantity(string word)
    {
        var i = 0;
        while (i < word.Length && char.IsAsciiDigit(word[i]))
        {
            i++;
        }

        return i > 0 && word.Length - i <= 3 && word[i..].All(char.IsAsciiLetterLower);
    }
}
