using System.Collections.Frozen;
using Clinic.Bot.Safety.Matching;
using Clinic.Bot.Safety.Terms;

namespace Clinic.Bot.Safety.Analysis;

/// <summary>Questions, fragments and search-style phrases, judged from the words around a match.</summary>
internal sealed class SentenceShape(Lexicon lexicon)
{
    private static readonly HashSet<string> Linkers = ["and", "with", "for", "vs", "versus", "or", "in", "during", "while", "after", "plus"];

    /// <summary>True when the clause holding the token asks something ("Is chest pain a side effect?").</summary>
    public bool IsQuestion(TokenStream stream, int index)
    {
        var sentence = stream.SentenceOf(index);
        var clauseStart = stream.ClauseStart(index);
        var startsWithQuestionWord = lexicon.QuestionStarters.Contains(stream[clauseStart])
            && !(clauseStart + 1 < sentence.End && stream[clauseStart + 1] == "not");
        if (sentence.EndsWithQuestionMark)
        {
            var inLastClause = stream.SameClause(index, sentence.End - 1);
            return inLastClause || startsWithQuestionWord;
        }

        return !sentence.Terminated && startsWithQuestionWord && clauseStart == sentence.Start;
    }

    /// <summary>Only filler words come before the match in its clause ("really bad chest pain", "Pregnant.").</summary>
    public bool IsFragmentInitial(TokenStream stream, int start)
    {
        for (var p = stream.ClauseStart(start); p < start; p++)
        {
            if (!lexicon.Fillers.Contains(stream[p]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A sentence that is only the match and filler words.</summary>
    public bool IsBareFragment(TokenStream stream, int start, int end)
    {
        var sentence = stream.SentenceOf(start);
        for (var p = sentence.Start; p < sentence.End; p++)
        {
            if ((p < start || p >= end) && !lexicon.Fillers.Contains(stream[p]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "ketamine and bipolar", "ketamine for suicidal ideation": a topic search, not a statement. With
    /// <paramref name="agentFirst"/> the treatment must come first, so "hard to breathe after the infusion" stays a report.
    /// </summary>
    public bool IsSearchStyle(TokenStream stream, int start, int end, bool agentFirst)
    {
        var sentence = stream.SentenceOf(start);
        var sawAgent = false;
        var sawLinker = false;
        for (var p = sentence.Start; p < sentence.End; p++)
        {
            if (p >= start && p < end)
            {
                continue;
            }

            var word = stream[p];
            if (lexicon.Agents.Contains(word))
            {
                sawAgent |= !agentFirst || p < start;
            }
            else if (Linkers.Contains(word))
            {
                sawLinker = true;
            }
            else if (!lexicon.Fillers.Contains(word) && !lexicon.QuestionStarters.Contains(word))
            {
                return false;
            }
        }

        return sawAgent && sawLinker;
    }

    /// <summary>A state word ("currently", "on", "diagnosed", "had") before the match in its clause.</summary>
    public bool HasStateCueBefore(TokenStream stream, int start)
    {
        for (var p = stream.ClauseStart(start); p < start; p++)
        {
            if (lexicon.StateCues.Contains(stream[p]))
            {
                return true;
            }
        }

        return false;
    }

    public bool ContainsStateTerm(TokenStream stream, int start, int end)
    {
        for (var p = start; p < end; p++)
        {
            if (lexicon.StateTerms.Contains(stream[p]))
            {
                return true;
            }
        }

        return false;
    }

    public bool HasPresentCue(TokenStream stream, int index) => SentenceHasAny(stream, index, lexicon.PresentCues);

    /// <summary>True when the sentence says a past behaviour came back ("again", "relapsed"), so it is not history.</summary>
    public bool HasResumedCue(TokenStream stream, int index) => SentenceHasAny(stream, index, lexicon.ResumedCues);

    private static bool SentenceHasAny(TokenStream stream, int index, FrozenSet<string> words)
    {
        var sentence = stream.SentenceOf(index);
        for (var p = sentence.Start; p < sentence.End; p++)
        {
            if (words.Contains(stream[p]))
            {
                return true;
            }
        }

        return false;
    }

    public bool SentenceHasFirstPerson(TokenStream stream, int sentenceIndex)
    {
        var sentence = stream.Sentences[sentenceIndex];
        for (var p = sentence.Start; p < sentence.End; p++)
        {
            if (lexicon.FirstPerson.Contains(stream[p]))
            {
                return true;
            }
        }

        return false;
    }
}
