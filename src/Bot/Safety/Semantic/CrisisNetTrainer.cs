using System.Numerics.Tensors;

namespace Clinic.Bot.Safety.Semantic;

/// <summary>
/// Full-batch Adam for the class-balanced, L2-regularised <see cref="CrisisNetwork"/>. Deterministic (a seeded start,
/// every sum in a fixed order even when spread over the cores), so the committed model can be checked against a retrain.
/// </summary>
internal static class CrisisNetTrainer
{
    public sealed record Settings(int Hidden = 64, int Epochs = 3000, double Rate = 0.01, double L2 = 1e-4, int Seed = 0);

    public static CrisisNetwork Train(IReadOnlyList<float[]> vectors, IReadOnlyList<bool> isCrisis, Settings? settings = null)
    {
        var s = settings ?? new Settings();
        var n = vectors.Count;
        var positives = isCrisis.Count(c => c);
        if (n == 0 || positives == 0 || positives == n)
            throw new InvalidOperationException("Training needs both crisis and non-crisis examples.");
        int dims = vectors[0].Length, hidden = s.Hidden;
        // Balanced classes: the training sets have more crisis rows than a real inbox, and the net must not learn that prior.
        double positiveWeight = n / (2.0 * positives), negativeWeight = n / (2.0 * (n - positives));

        var random = new Random(s.Seed);
        var w1 = Enumerable.Range(0, hidden * dims).Select(_ => (float)(Gaussian(random) / Math.Sqrt(dims))).ToArray();
        var w2 = Enumerable.Range(0, hidden).Select(_ => (float)(Gaussian(random) / Math.Sqrt(hidden))).ToArray();
        var b1 = new float[hidden];
        var b2 = new float[1];
        var adam = new[] { new Adam(w1.Length), new Adam(hidden), new Adam(hidden), new Adam(1) };

        var activations = new float[n * hidden];
        var errors = new float[n];
        var g1 = new float[w1.Length];
        var gb1 = new float[hidden];
        var g2 = new float[hidden];
        var gb2 = new float[1];
        for (var epoch = 1; epoch <= s.Epochs; epoch++)
        {
            Parallel.For(0, n, i =>
            {
                var row = activations.AsSpan(i * hidden, hidden);
                double z = b2[0];
                for (var h = 0; h < hidden; h++)
                {
                    row[h] = Math.Max(0, TensorPrimitives.Dot(vectors[i], w1.AsSpan(h * dims, dims)) + b1[h]);
                    z += row[h] * w2[h];
                }
                var weight = isCrisis[i] ? positiveWeight : negativeWeight;
                errors[i] = (float)((CrisisNetwork.Sigmoid(z) - (isCrisis[i] ? 1 : 0)) * weight / n);
            });
            gb2[0] = TensorPrimitives.Sum(errors);
            Parallel.For(0, hidden, h =>
            {
                var gradient = g1.AsSpan(h * dims, dims);
                gradient.Clear();
                double output = 0, bias = 0;
                for (var i = 0; i < n; i++)
                {
                    var a = activations[i * hidden + h];
                    if (a <= 0)
                        continue;
                    output += a * errors[i];
                    var back = errors[i] * w2[h];
                    bias += back;
                    TensorPrimitives.MultiplyAdd(vectors[i], back, gradient, gradient);
                }
                TensorPrimitives.MultiplyAdd(w1.AsSpan(h * dims, dims), (float)s.L2, gradient, gradient);
                g2[h] = (float)(output + s.L2 * w2[h]);
                gb1[h] = (float)bias;
            });
            adam[0].Step(w1, g1, s.Rate, epoch);
            adam[1].Step(b1, gb1, s.Rate, epoch);
            adam[2].Step(w2, g2, s.Rate, epoch);
            adam[3].Step(b2, gb2, s.Rate, epoch);
        }
        return new CrisisNetwork(w1, b1, w2, b2[0]);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed class Adam(int size)
    {
        private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
        private readonly float[] _mean = new float[size];
        private readonly float[] _square = new float[size];

        public void Step(float[] parameters, float[] gradient, double rate, int step)
        {
            double correction1 = 1 - Math.Pow(Beta1, step), correction2 = 1 - Math.Pow(Beta2, step);
            for (var k = 0; k < parameters.Length; k++)
            {
                _mean[k] = (float)(Beta1 * _mean[k] + (1 - Beta1) * gradient[k]);
                _square[k] = (float)(Beta2 * _square[k] + (1 - Beta2) * gradient[k] * gradient[k]);
                parameters[k] -= (float)(rate * (_mean[k] / correction1) / (Math.Sqrt(_square[k] / correction2) + Epsilon));
            }
        }
    }
}
