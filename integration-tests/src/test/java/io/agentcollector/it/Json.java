package io.agentcollector.it;

import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** JSON and YAML trees for API answers, the dashboard and the rule files. */
final class Json {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private Json() {}

  static JsonNode parse(String json) {
    return JSON.readTree(json);
  }

  static JsonNode read(Path jsonFile) {
    return JSON.readTree(jsonFile.toFile());
  }

  static JsonNode readYaml(Path yamlFile) {
    return YAML.readTree(yamlFile.toFile());
  }

  static String toYaml(JsonNode tree) {
    return YAML.writeValueAsString(tree);
  }
}
