package org.caserouting.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text in our API's JSON must be text the database can keep as it was sent: no NUL character
 * (PostgreSQL refuses it) and no half of a surrogate pair (it would be stored as '?'). Such a
 * field is refused with the others, as 400 naming the field, instead of failing at the insert.
 */
@Configuration(proxyBeanMethods = false)
class TextInput {

  static final String NOT_TEXT = "must be text without NUL characters or unpaired surrogates";

  @Bean
  Module storableText() {
    return new SimpleModule("storable-text").addDeserializer(String.class, new StdScalarDeserializer<>(String.class) {
      @Override
      public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (value != null && !storable(value)) {
          throw InvalidFormatException.from(parser, NOT_TEXT, value, String.class);
        }
        return value;
      }
    });
  }

  static boolean storable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\u0000') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
