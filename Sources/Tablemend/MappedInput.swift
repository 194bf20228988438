import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An input file mapped read-only into memory, whose pages the readers let go as they are done
/// with them (`release`): the bytes of a large workbook, read twice (summarised, then again as
/// it is written), never stay resident whole, and memory stays flat in its rows.
///
/// The mapping lives as long as `data` (and this object, which holds it). A page let go is
/// read again from the file when it is touched again.
final class MappedInput: Sendable {
  /// The file's bytes.
  let data: Data
  /// The mapping's first byte, as an address (the mapping is never written).
  private let address: UInt
  private let count: Int

  /// The file mapped, or nil when it is smaller than `minimumSize`, empty, not a regular
  /// file, or cannot be mapped (the caller then reads it).
  init?(path: String, minimumSize: Int = Int(MappedInput.minimumSize)) {
    #if os(Linux)
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { return nil }
      defer { close(fd) }
      var status = stat()
      guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
        status.st_size > 0, status.st_size >= minimumSize, status.st_size <= Int.max
      else { return nil }
      let size = Int(status.st_size)
      guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED
      else { return nil }
      address = UInt(bitPattern: base)
      count = size
      data = Data(bytesNoCopy: base, count: size, deallocator: .custom { munmap($0, $1) })
    #else
      // Elsewhere the pages cannot be let go: the caller reads the file.
      return nil
    #endif
  }

  /// Files at least this large are mapped.
  static let minimumSize = 1 << 20

  /// Lets the kernel drop every page read so far; each is read again from the file when it is
  /// touched again.
  @Sendable func release() {
    #if os(Linux)
      guard let base = UnsafeMutableRawPointer(bitPattern: address) else { return }
      _ = madvise(base, count, MADV_DONTNEED)
    #endif
  }
}
