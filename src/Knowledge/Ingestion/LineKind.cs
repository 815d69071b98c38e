namespace Clinic.Knowledge.Ingestion;

internal enum LineKind
{
    Blank,
    Dropped,
    Separator,
    Bullet,
    Heading,
    HeadingContinuation,
    Text,
}
