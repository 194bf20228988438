import Foundation

/// The JSON Schema (draft 2020-12) of the canonical model, shipped with the library.
public enum Schema {
  /// The schema's bytes.
  public static func data() throws -> Data {
    guard let url = Bundle.module.url(forResource: "tablemend.schema", withExtension: "json") else {
      throw ConversionError(path: "tablemend.schema.json", message: "schema resource missing")
    }
    return try Data(contentsOf: url)
  }
}
