import TablemendModel
import TablemendValues

/// Forms found in a document's blocks, and what was repaired or doubted on the way.
public struct Recognition: Sendable {
  public var forms: [Form]
  public var diagnostics: [Diagnostic]
}

/// Finds performance forms in grids and extracts their fields, funds, goals and indicators.
public enum FormRecognizer {
  public static func recognize(_ blocks: [Block]) -> Recognition {
    Recognition(forms: [], diagnostics: [])
  }
}
