using System.Numerics.Tensors;

namespace Clinic.Bot.Safety.Semantic;

/// <summary>
/// The safety net's network: one hidden layer of rectified units over a sentence embedding, then a logistic output.
/// A linear model over the same embedding could not tell "my husband is picking me up after" from "my husband took
/// too much and won't wake up" (both are a relative and a clinic day); one hidden layer can.
/// </summary>
/// <param name="HiddenWeights">Row-major: hidden unit h's input weights are <c>[h * Inputs, (h + 1) * Inputs)</c>.</param>
/// <param name="HiddenBias">One bias per hidden unit.</param>
/// <param name="OutputWeights">One weight per hidden unit.</param>
/// <param name="OutputBias">The output's bias.</param>
internal sealed record CrisisNetwork(float[] HiddenWeights, float[] HiddenBias, float[] OutputWeights, double OutputBias)
{
    /// <summary>Stands in for a network that is about to be trained.</summary>
    public static readonly CrisisNetwork Untrained = new([], [], [], 0);

    public int Hidden => HiddenBias.Length;

    public int Inputs => Hidden == 0 ? 0 : HiddenWeights.Length / Hidden;

    // A hand-edited file can leave any array out; the loader must then say so, not throw on a null.
    public bool IsComplete => HiddenWeights is not null && HiddenBias is not null && OutputWeights is not null
        && Hidden > 0 && Inputs > 0 && HiddenWeights.Length == Hidden * Inputs && OutputWeights.Length == Hidden;

    /// <summary>The crisis probability of one embedding.</summary>
    public double Probability(ReadOnlySpan<float> input)
    {
        var z = OutputBias;
        for (var h = 0; h < Hidden; h++)
        {
            var activation = TensorPrimitives.Dot(input, HiddenWeights.AsSpan(h * Inputs, Inputs)) + HiddenBias[h];
            if (activation > 0)
                z += activation * OutputWeights[h];
        }
        return Sigmoid(z);
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
