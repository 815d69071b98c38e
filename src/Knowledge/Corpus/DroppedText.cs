namespace Clinic.Knowledge.Corpus;

/// <summary>Text the cleaner removed from a document, kept so a person can check the rules.</summary>
/// <param name="DocumentId">The source file name.</param>
/// <param name="Text">The removed text as it stood in the file.</param>
/// <param name="Rule">The rule that removed it, for example <c>boilerplate</c> or <c>call-to-action</c>.</param>
/// <param name="Start">Offset of the removed text in the original file.</param>
public sealed record DroppedText(string DocumentId, string Text, string Rule, int Start);
