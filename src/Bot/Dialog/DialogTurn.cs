using Clinic.Bot.Storage;

namespace Clinic.Bot.Dialog;

/// <summary>What the dialog decided for one message: the replies, the new state, and what to store with it.</summary>
public sealed record DialogTurn(
    IReadOnlyList<DialogReply> Replies,
    ConversationState State,
    IReadOnlyList<NewEscalation> Escalations);
