namespace Clinic.Knowledge.Answers;

/// <summary>Who wrote the answer's sentences.</summary>
public enum AnswerKind
{
    /// <summary>Corpus sentences, quoted.</summary>
    Extractive,

    /// <summary>A chat model, every sentence verified against the passage it cites.</summary>
    Generated,
}
