// A compact YAML document tree built from yaml-cpp's parser events.
//
// YAML::Load builds one shared_ptr node (with its own std::string scalar, tag and
// pair vector) per value; a 1.3 MB scenario becomes ~90 MB of heap. This tree keeps
// the same facts in three flat buffers: one record per node (kind, tag, mark, and
// either a scalar's text range or a collection's child range), one vector of child
// indices (maps as key, value, key, value ...) and one string holding every scalar.
//
// It is built exactly as yaml-cpp's NodeBuilder builds its tree, from the same
// events of the same parser (YAML::Parser, first document only), so syntax errors
// are yaml-cpp's own exceptions with their message and mark, an alias resolves to
// the node of its anchor (shared, as in yaml-cpp, so an alias inside its own anchor
// makes a cycle the size check reports), repeated keys are kept in order, a null
// (`~`, `null`, an empty value) is a null node with its mark, and a scalar's tag is
// yaml-cpp's: "?" for a plain scalar, "!" for a quoted one.
//
// Node is a light handle (tree pointer and index) with the subset of YAML::Node's
// API the scenario readers use. The Document must outlive its nodes.
#pragma once

#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace drsim::scenarios::yaml {

enum class Kind : std::uint8_t { null, scalar, sequence, map };

// yaml-cpp's mark: 0-based line and column; -1 when there is none.
struct Mark {
  int line = -1;
  int column = -1;
  bool is_null() const { return line == -1 && column == -1; }
};

struct Tree;

class Node {
 public:
  class iterator;

  // A null node with no mark (as YAML::Node()).
  Node() = default;
  Node(const Tree* tree, std::uint32_t index) : tree_(tree), index_(index) {}

  Kind kind() const;
  bool IsDefined() const { return true; }
  bool IsNull() const { return kind() == Kind::null; }
  bool IsScalar() const { return kind() == Kind::scalar; }
  bool IsSequence() const { return kind() == Kind::sequence; }
  bool IsMap() const { return kind() == Kind::map; }

  // The text of a scalar; empty for any other node (as yaml-cpp).
  std::string Scalar() const { return std::string(scalar_view()); }
  std::string_view scalar_view() const;
  // "?" for a plain scalar, "!" for a quoted one, the resolved tag when explicit; "" for null.
  std::string_view Tag() const;
  yaml::Mark Mark() const;
  // Items of a list, pairs of a map, 0 otherwise.
  std::size_t size() const;

  iterator begin() const;
  iterator end() const;

  // The same node of the same tree (an alias and its anchor are the same node).
  bool is(const Node& other) const { return tree_ == other.tree_ && index_ == other.index_; }

 private:
  const Tree* tree_ = nullptr;
  std::uint32_t index_ = 0;
};

// What iteration yields: a map's key and value as first/second, a list's item as the node itself.
struct IteratorValue : Node {
  Node first;
  Node second;
};

class Node::iterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = IteratorValue;
  using difference_type = std::ptrdiff_t;
  using pointer = const IteratorValue*;
  using reference = const IteratorValue&;

  iterator() = default;
  iterator(const Tree* tree, const std::uint32_t* at, bool map) : tree_(tree), at_(at), map_(map) {}

  reference operator*() const {
    load();
    return value_;
  }
  pointer operator->() const {
    load();
    return &value_;
  }
  iterator& operator++() {
    at_ += map_ ? 2 : 1;
    return *this;
  }
  iterator operator++(int) {
    iterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const iterator& o) const { return at_ == o.at_; }
  bool operator!=(const iterator& o) const { return at_ != o.at_; }

 private:
  void load() const;
  const Tree* tree_ = nullptr;
  const std::uint32_t* at_ = nullptr;
  bool map_ = false;
  mutable IteratorValue value_;
};

// The tree of one document. Nodes point into it: keep it alive while they are used.
class Document {
 public:
  Document();
  ~Document();
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;

  // The document's root: a null Node() when the text holds no document.
  Node root() const;
  std::size_t node_count() const;  // records stored (an alias adds none)
  std::size_t parts() const { return parts_; }  // pieces it was parsed in (load_in_parts)

 private:
  friend Document load_in_parts(std::string_view text, std::size_t parts);
  std::unique_ptr<Tree> tree_;
  std::size_t parts_ = 1;
};

// Parses the first document of `text` with yaml-cpp's parser, as YAML::Load does.
// Throws what YAML::Load throws (YAML::ParserException, YAML::DeepRecursion).
// A text of a few MiB is parsed in parts on several threads (load_in_parts).
Document load(std::string_view text);

// The same tree, its top-level block mapping parsed in at most `parts` pieces at once, one
// per thread, each cut at a top-level key (scenarios/yaml_top_level.hpp) and its nodes moved
// to their lines in the whole text. When a piece does not parse alone (an alias to an anchor
// of another piece, a quoted scalar or flow collection across a cut, a document that is not
// a block mapping) the whole text is parsed as one, so the tree, and any error, is always
// exactly the one-piece parse's.
Document load_in_parts(std::string_view text, std::size_t parts);

}  // namespace drsim::scenarios::yaml
