namespace Clinic.Bot.Safety.Semantic;

/// <summary>
/// Full-batch gradient descent for a class-balanced, L2-regularised logistic regression. Deterministic (fixed order,
/// zero start), so the committed model can be checked against a retrain.
/// </summary>
internal static class CrisisNetTrainer
{
    public static (float[] Weights, double Bias) Train(IReadOnlyList<float[]> vectors, IReadOnlyList<bool> isCrisis, int epochs = 4000, double rate = 2.0, double l2 = 1e-5)
    {
        var n = vectors.Count;
        var positives = isCrisis.Count(c => c);
        if (n == 0 || positives == 0 || positives == n)
            throw new InvalidOperationException("Training needs both crisis and non-crisis examples.");
        var dims = vectors[0].Length;
        var w = new double[dims];
        double b = 0;
        // Balanced classes: the dev set has more crisis rows than a real inbox, and the net must not learn that prior.
        double positiveWeight = n / (2.0 * positives), negativeWeight = n / (2.0 * (n - positives));
        var gradient = new double[dims];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Array.Clear(gradient);
            double biasGradient = 0;
            for (var i = 0; i < n; i++)
            {
                var x = vectors[i];
                var error = (Sigmoid(Dot(w, x) + b) - (isCrisis[i] ? 1 : 0)) * (isCrisis[i] ? positiveWeight : negativeWeight);
                for (var d = 0; d < dims; d++)
                    gradient[d] += error * x[d];
                biasGradient += error;
            }
            for (var d = 0; d < dims; d++)
                w[d] -= rate * (gradient[d] / n + l2 * w[d]);
            b -= rate * biasGradient / n;
        }
        return (w.Select(v => (float)v).ToArray(), b);
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double Dot(double[] w, float[] x)
    {
        double sum = 0;
        for (var d = 0; d < w.Length; d++)
            sum += w[d] * x[d];
        return sum;
    }
}
