namespace Clinic.Bot.Safety.Evaluation;

/// <summary>One line of a labelled set such as eval/safety-dev.jsonl.</summary>
public sealed record LabelledMessage(string Text, TriageLevel Label);
