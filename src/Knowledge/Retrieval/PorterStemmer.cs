namespace Clinic.Knowledge.Retrieval;

/// <summary>
/// M. F. Porter's 1980 suffix-stripping algorithm ("An algorithm for suffix stripping", Program 14(3)), so that
/// "addicted", "addiction" and "addictive" meet at one term.
/// </summary>
internal static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2)
            return word;
        var w = new Word(word.ToCharArray());
        w.Step1A();
        w.Step1B();
        w.Step1C();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        return new string(w.Chars, 0, w.Length);
    }

    private sealed class Word(char[] chars)
    {
        public char[] Chars { get; } = chars;
        public int Length { get; private set; } = chars.Length;

        private bool IsConsonant(int i) => Chars[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        // m() in the paper: the number of vowel-consonant sequences in the first `end` letters.
        private int Measure(int end)
        {
            var n = 0;
            var i = 0;
            while (i < end && IsConsonant(i)) i++;
            while (i < end)
            {
                while (i < end && !IsConsonant(i)) i++;
                if (i >= end) break;
                while (i < end && IsConsonant(i)) i++;
                n++;
            }
            return n;
        }

        private bool HasVowel(int end)
        {
            for (var i = 0; i < end; i++)
                if (!IsConsonant(i)) return true;
            return false;
        }

        private bool DoubleConsonant(int end) => end >= 2 && Chars[end - 1] == Chars[end - 2] && IsConsonant(end - 1);

        // *o: stem ends consonant-vowel-consonant, the last not w, x or y.
        private bool Cvc(int end) =>
            end >= 3 && IsConsonant(end - 1) && !IsConsonant(end - 2) && IsConsonant(end - 3) && Chars[end - 1] is not ('w' or 'x' or 'y');

        private bool EndsWith(string suffix)
        {
            if (suffix.Length > Length) return false;
            for (var i = 0; i < suffix.Length; i++)
                if (Chars[Length - suffix.Length + i] != suffix[i]) return false;
            return true;
        }

        private void SetEnd(string suffix, string replacement)
        {
            var start = Length - suffix.Length;
            replacement.CopyTo(0, Chars, start, replacement.Length);
            Length = start + replacement.Length;
        }

        private bool Replace(string suffix, string replacement, int minMeasure)
        {
            if (!EndsWith(suffix)) return false;
            if (Measure(Length - suffix.Length) > minMeasure)
                SetEnd(suffix, replacement);
            return true;
        }

        public void Step1A()
        {
            if (EndsWith("sses")) SetEnd("sses", "ss");
            else if (EndsWith("ies")) SetEnd("ies", "i");
            else if (EndsWith("ss")) { }
            else if (EndsWith("s")) SetEnd("s", "");
        }

        public void Step1B()
        {
            if (EndsWith("eed"))
            {
                if (Measure(Length - 3) > 0) SetEnd("eed", "ee");
                return;
            }
            string? cut = EndsWith("ed") && HasVowel(Length - 2) ? "ed" : EndsWith("ing") && HasVowel(Length - 3) ? "ing" : null;
            if (cut is null) return;
            SetEnd(cut, "");
            if (EndsWith("at") || EndsWith("bl") || EndsWith("iz")) Append('e');
            else if (DoubleConsonant(Length) && Chars[Length - 1] is not ('l' or 's' or 'z')) Length--;
            else if (Measure(Length) == 1 && Cvc(Length)) Append('e');
        }

        private void Append(char c)
        {
            // The word only ever shrinks before this, except "at" -> "ate" after removing "ed"/"ing", so there is room.
            Chars[Length++] = c;
        }

        public void Step1C()
        {
            if (EndsWith("y") && HasVowel(Length - 1)) Chars[Length - 1] = 'i';
        }

        private static readonly (string, string)[] Step2Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("abli", "able"),
            ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
            ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
            ("iviti", "ive"), ("biliti", "ble"),
        ];

        private static readonly (string, string)[] Step3Rules =
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ];

        private static readonly string[] Step4Suffixes =
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
        ];

        public void Step2()
        {
            foreach (var (suffix, replacement) in Step2Rules)
                if (Replace(suffix, replacement, 0)) return;
        }

        public void Step3()
        {
            foreach (var (suffix, replacement) in Step3Rules)
                if (Replace(suffix, replacement, 0)) return;
        }

        public void Step4()
        {
            if (EndsWith("ion") && Length > 3 && Chars[Length - 4] is 's' or 't')
            {
                if (Measure(Length - 3) > 1) Length -= 3;
                return;
            }
            foreach (var suffix in Step4Suffixes.OrderByDescending(s => s.Length))
            {
                if (EndsWith(suffix))
                {
                    if (Measure(Length - suffix.Length) > 1) Length -= suffix.Length;
                    return;
                }
            }
        }

        public void Step5()
        {
            if (EndsWith("e"))
            {
                var m = Measure(Length - 1);
                if (m > 1 || (m == 1 && !Cvc(Length - 1))) Length--;
            }
            if (Measure(Length) > 1 && DoubleConsonant(Length) && Chars[Length - 1] == 'l') Length--;
        }
    }
}
