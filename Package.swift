// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "tablemend",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "Tablemend", targets: ["Tablemend"]),
    .library(name: "TablemendBatch", targets: ["TablemendBatch"]),
    .executable(name: "tablemend", targets: ["TablemendCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
  ],
  targets: [
    // The canonical model: value types shared by every stage, and their JSON form.
    .target(name: "TablemendModel"),
    // Indicator values: text in, typed `Value` out.
    .target(name: "TablemendValues", dependencies: ["TablemendModel"]),
    // Bytes to text (encoding detection) and text to cell tokens (dialect detection).
    // The domain's words: level labels, header roles, the cell classifier. Pure.
    .target(name: "TablemendVocabulary", dependencies: ["TablemendModel", "TablemendValues"]),
    .target(
      name: "TablemendText",
      dependencies: ["TablemendModel", "TablemendVocabulary", "TablemendAlign"]),
    // Flattened text to indicator rows: cell stream, run-together cuts, one typed row aligner.
    .target(
      name: "TablemendAlign",
      dependencies: ["TablemendModel", "TablemendValues", "TablemendVocabulary"]),
    // Tokens to `Table` grids with spans, repairs and their diagnostics.
    .target(name: "TablemendGrid", dependencies: ["TablemendModel", "TablemendText"]),
    // libxml2, seen only by TablemendDocx.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
    ),
    // DOCX and WordprocessingML to exact `Table` grids.
    .target(
      name: "TablemendDocx",
      dependencies: [
        "TablemendModel", "CLibXML2",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    // Workbooks (.xlsx, Excel 2003 XML, BIFF8 .xls / WPS .et) to exact `Table` grids.
    .target(name: "TablemendSheets", dependencies: ["TablemendModel", "TablemendDocx"]),
    // PDF glyphs and rulings (read from mutool's XML) to `Table` grids. Pure geometry: it never
    // runs a program (the facade runs mutool).
    .target(name: "TablemendPDF", dependencies: ["TablemendModel", "TablemendDocx"]),
    // Grids to forms: fields, funds, goals, records and the indicator tree.
    .target(
      name: "TablemendForms",
      dependencies: ["TablemendModel", "TablemendValues", "TablemendVocabulary"]),
    // The library facade: one call from bytes to a `Document`.
    .target(
      name: "Tablemend",
      dependencies: [
        "TablemendModel", "TablemendText", "TablemendGrid", "TablemendDocx", "TablemendSheets",
        "TablemendPDF",
        "TablemendForms", "TablemendValues", "TablemendAlign",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      resources: [.copy("Resources/tablemend.schema.json")]
    ),
    // Folders of files to JSONL, CSV and SQLite; corpus regression checks.
    .target(
      name: "TablemendBatch",
      dependencies: [
        "Tablemend", .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    // The command-line tool: parses arguments and calls the library.
    .executableTarget(
      name: "TablemendCLI",
      dependencies: [
        "Tablemend", "TablemendBatch", "TablemendValues",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // libFuzzer targets (built by tools/fuzz.sh with -DTABLEMEND_FUZZ; replayers otherwise).
    .target(name: "TablemendFuzzSupport", dependencies: ["TablemendModel"]),
    .executableTarget(
      name: "TablemendFuzzText",
      dependencies: ["TablemendText", "TablemendGrid", "TablemendAlign", "TablemendFuzzSupport"]),
    .executableTarget(
      name: "TablemendFuzzDocx", dependencies: ["TablemendDocx", "TablemendFuzzSupport"]),
    .executableTarget(
      name: "TablemendFuzzSheets",
      dependencies: [
        "TablemendSheets", "TablemendFuzzSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .executableTarget(
      name: "TablemendFuzzPDF", dependencies: ["TablemendPDF", "TablemendFuzzSupport"]),
    .executableTarget(
      name: "TablemendFuzzForms", dependencies: ["TablemendForms", "TablemendFuzzSupport"]),
    .executableTarget(
      name: "TablemendFuzzValues", dependencies: ["TablemendValues", "TablemendFuzzSupport"]),
    .testTarget(name: "TablemendModelTests", dependencies: ["TablemendModel"]),
    .testTarget(name: "TablemendValuesTests", dependencies: ["TablemendValues"]),
    .testTarget(name: "TablemendTextTests", dependencies: ["TablemendText"]),
    .testTarget(
      name: "TablemendVocabularyTests", dependencies: ["TablemendVocabulary", "TablemendValues"]),
    .testTarget(
      name: "TablemendAlignTests", dependencies: ["TablemendAlign", "TablemendVocabulary"]),
    .testTarget(name: "TablemendGridTests", dependencies: ["TablemendGrid", "TablemendText"]),
    .testTarget(name: "TablemendDocxTests", dependencies: ["TablemendDocx"]),
    .testTarget(name: "TablemendPDFTests", dependencies: ["TablemendPDF"]),
    .testTarget(
      name: "TablemendSheetsTests",
      dependencies: ["TablemendSheets", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
    ),
    .testTarget(
      name: "TablemendFormsTests",
      dependencies: ["TablemendForms", "TablemendGrid", "TablemendText"]),
    .testTarget(name: "TablemendTests", dependencies: ["Tablemend", "TablemendBatch"]),
    .testTarget(
      name: "TablemendBatchTests",
      dependencies: ["TablemendBatch", .product(name: "GRDB", package: "GRDB.swift")]),
  ]
)
