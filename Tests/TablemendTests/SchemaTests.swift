import Foundation
import Testing

@testable import Tablemend

@Suite struct SchemaTests {
  let validator: SchemaValidator

  init() throws {
    validator = try SchemaValidator(data: try Schema.data())
  }

  @Test(arguments: [seed000, seed002])
  func convertedSeedsValidate(name: String) throws {
    let document = try Converter().convert(data: try seed(name), path: name)
    let json = try JSONSerialization.jsonObject(with: try JSONOutput.encode(document))
    #expect(validator.validate(json) == [])
  }

  @Test func everyGoldenInTheCorpusValidates() throws {
    let corpus = packageRoot.appendingPathComponent("corpus")
    let goldens =
      (FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL } ?? []).filter { url in
        // A golden is `INPUT.json` beside its input; other JSON files are fixtures.
        url.path.hasSuffix(".json")
          && (FileManager.default.fileExists(atPath: String(url.path.dropLast(5)))
            || url.path.contains("/corpus/real/"))
      }
    #expect(goldens.count >= 2)
    for golden in goldens {
      let json = try JSONSerialization.jsonObject(with: try Data(contentsOf: golden))
      let errors = validator.validate(json)
      #expect(errors.isEmpty, "\(golden.lastPathComponent): \(errors.prefix(5))")
    }
  }

  @Test func theValidatorCatchesAContractBreak() throws {
    let document = try Converter().convert(data: try seed(seed000), path: seed000)
    var json = try #require(
      try JSONSerialization.jsonObject(with: try JSONOutput.encode(document)) as? [String: Any])
    json["model"] = "tablemend/2"
    json.removeValue(forKey: "diagnostics")
    let errors = validator.validate(json)
    #expect(errors.contains("$: missing diagnostics"))
    #expect(errors.contains { $0.hasPrefix("$.model") })
  }
}
