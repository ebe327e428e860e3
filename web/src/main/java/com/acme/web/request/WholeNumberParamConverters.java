package com.acme.web.request;

import com.acme.web.problem.Problem;
import com.acme.web.problem.ProblemException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.regex.Pattern;

/**
 * Reads whole-number path, query and header parameters so that a value that is not one ({@code
 * ?page=abc}, {@code ?limit=1e3}, {@code ?size=99999999999}) is a 400 {@code invalid-parameter}
 * naming the parameter. Without it JAX-RS answers 404 for a query or path parameter and 400 for a
 * header, neither saying which parameter was wrong.
 */
@Provider
public class WholeNumberParamConverters implements ParamConverterProvider {

  private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,19}");

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    String[] parameter = parameter(annotations);
    if (parameter == null) {
      return null;
    }
    if (rawType == int.class || rawType == Integer.class) {
      return (ParamConverter<T>)
          new Whole<>(parameter, Integer.MIN_VALUE, Integer.MAX_VALUE, v -> (int) v);
    }
    if (rawType == long.class || rawType == Long.class) {
      return (ParamConverter<T>) new Whole<>(parameter, Long.MIN_VALUE, Long.MAX_VALUE, v -> v);
    }
    if (rawType == short.class || rawType == Short.class) {
      return (ParamConverter<T>)
          new Whole<>(parameter, Short.MIN_VALUE, Short.MAX_VALUE, v -> (short) v);
    }
    return null;
  }

  /** The parameter's name and where it is sent ({@code query}, {@code path}, ...), or null. */
  static String[] parameter(Annotation[] annotations) {
    if (annotations == null) {
      return null;
    }
    for (Annotation a : annotations) {
      if (a instanceof QueryParam q) {
        return new String[] {q.value(), "query"};
      }
      if (a instanceof PathParam p) {
        return new String[] {p.value(), "path"};
      }
      if (a instanceof HeaderParam h) {
        return new String[] {h.value(), "header"};
      }
      if (a instanceof MatrixParam m) {
        return new String[] {m.value(), "matrix"};
      }
      if (a instanceof CookieParam c) {
        return new String[] {c.value(), "cookie"};
      }
      if (a instanceof FormParam f) {
        return new String[] {f.value(), "form"};
      }
    }
    return null;
  }

  private interface Narrowing<T> {
    T narrow(long value);
  }

  private static final class Whole<T> implements ParamConverter<T> {
    private final String name;
    private final String in;
    private final long min;
    private final long max;
    private final Narrowing<T> narrowing;

    Whole(String[] parameter, long min, long max, Narrowing<T> narrowing) {
      this.name = parameter[0];
      this.in = parameter[1];
      this.min = min;
      this.max = max;
      this.narrowing = narrowing;
    }

    @Override
    public T fromString(String value) {
      if (value == null) {
        return null;
      }
      String text = value;
      if (WHOLE.matcher(text).matches()) {
        try {
          long number = Long.parseLong(text);
          if (number >= min && number <= max) {
            return narrowing.narrow(number);
          }
        } catch (NumberFormatException tooLarge) {
          // falls through to the refusal
        }
      }
      throw new ProblemException(
          Problem.of(
                  400,
                  "invalid-parameter",
                  "Invalid parameter",
                  "The "
                      + in
                      + " parameter "
                      + name
                      + " must be a whole number between "
                      + min
                      + " and "
                      + max
                      + ".")
              .with("field", name)
              .with("in", in));
    }

    @Override
    public String toString(T value) {
      return value == null ? null : value.toString();
    }
  }
}
