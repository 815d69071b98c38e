namespace Clinic.Knowledge.Generation;

/// <summary>Who writes answers: nobody (extractive answers only), Azure OpenAI, or any OpenAI-compatible endpoint.</summary>
public enum GenerationProvider
{
    /// <summary>Extractive answers only; nothing leaves the machine. The default.</summary>
    None,

    /// <summary>An Azure OpenAI deployment through Azure's OpenAI-compatible v1 endpoint.</summary>
    AzureOpenAI,

    /// <summary>OpenAI itself, or any server that speaks the Chat Completions API at <see cref="GenerationOptions.Endpoint"/>.</summary>
    OpenAI,
}
