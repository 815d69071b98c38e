namespace Clinic.Bot.Safety.Matching;

/// <summary>One normalised word. Number is set for digit tokens (capped), -1 otherwise.</summary>
internal readonly record struct Token(string Text, int Sentence, int Clause, int Number = -1)
{
    public bool IsNumber => Number >= 0;
}

/// <summary>A sentence's token range and whether it reads as a question.</summary>
internal readonly record struct SentenceSpan(int Start, int End, bool EndsWithQuestionMark, bool Terminated);
