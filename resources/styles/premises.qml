<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology|Fields|Forms|AttributeTable|CustomProperties|Relations">
 <renderer-v2 type="singleSymbol" referencescale="-1" enableorderby="0" forceraster="0" symbollevels="0">
  <symbols>
   <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="0">
    <data_defined_properties>
     <Option type="Map">
      <Option type="QString" name="name" value=""/>
      <Option name="properties"/>
      <Option type="QString" name="type" value="collection"/>
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="angle" value="0"/>
      <Option type="QString" name="cap_style" value="square"/>
      <Option type="QString" name="color" value="232,113,30,255"/>
      <Option type="QString" name="horizontal_anchor_point" value="1"/>
      <Option type="QString" name="joinstyle" value="bevel"/>
      <Option type="QString" name="name" value="circle"/>
      <Option type="QString" name="offset" value="0,0"/>
      <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
      <Option type="QString" name="offset_unit" value="MM"/>
      <Option type="QString" name="outline_color" value="255,255,255,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="outline_width" value="0"/>
      <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
      <Option type="QString" name="outline_width_unit" value="MM"/>
      <Option type="QString" name="scale_method" value="diameter"/>
      <Option type="QString" name="size" value="2.4"/>
      <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
      <Option type="QString" name="size_unit" value="MM"/>
      <Option type="QString" name="vertical_anchor_point" value="1"/>
     </Option>
     <prop k="angle" v="0"/>
     <prop k="cap_style" v="square"/>
     <prop k="color" v="232,113,30,255"/>
     <prop k="horizontal_anchor_point" v="1"/>
     <prop k="joinstyle" v="bevel"/>
     <prop k="name" v="circle"/>
     <prop k="offset" v="0,0"/>
     <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
     <prop k="offset_unit" v="MM"/>
     <prop k="outline_color" v="255,255,255,255"/>
     <prop k="outline_style" v="solid"/>
     <prop k="outline_width" v="0"/>
     <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
     <prop k="outline_width_unit" v="MM"/>
     <prop k="scale_method" v="diameter"/>
     <prop k="size" v="2.4"/>
     <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
     <prop k="size_unit" v="MM"/>
     <prop k="vertical_anchor_point" v="1"/>
     <data_defined_properties>
      <Option type="Map">
       <Option type="QString" name="name" value=""/>
       <Option name="properties"/>
       <Option type="QString" name="type" value="collection"/>
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
  </symbols>
  <rotation/>
  <sizescale/>
 </renderer-v2>
 <customproperties>
  <Option/>
 </customproperties>
 <blendMode>0</blendMode>
 <featureBlendMode>0</featureBlendMode>
 <referencedLayers/>
 <fieldConfiguration>
  <field name="fid" configurationFlags="None">
   <editWidget type="Hidden">
    <config>
     <Option/>
    </config>
   </editWidget>
  </field>
  <field name="uuid" configurationFlags="None">
   <editWidget type="Hidden">
    <config>
     <Option/>
    </config>
   </editWidget>
  </field>
  <field name="address" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="street" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="commune_code" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="floor_area" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="double" name="Max" value="1e+06"/>
      <Option type="double" name="Min" value="0"/>
      <Option type="int" name="Precision" value="1"/>
      <Option type="double" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="ground_floor" configurationFlags="None">
   <editWidget type="CheckBox">
    <config>
     <Option type="Map">
      <Option type="QString" name="CheckedState" value="1"/>
      <Option type="int" name="TextDisplayMethod" value="0"/>
      <Option type="QString" name="UncheckedState" value="0"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="created_at" configurationFlags="None">
   <editWidget type="DateTime">
    <config>
     <Option type="Map">
      <Option type="bool" name="allow_null" value="true"/>
      <Option type="bool" name="calendar_popup" value="true"/>
      <Option type="QString" name="display_format" value="dd/MM/yyyy HH:mm"/>
      <Option type="QString" name="field_format" value="yyyy-MM-ddTHH:mm:ss"/>
      <Option type="bool" name="field_iso_format" value="true"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="retired_at" configurationFlags="None">
   <editWidget type="DateTime">
    <config>
     <Option type="Map">
      <Option type="bool" name="allow_null" value="true"/>
      <Option type="bool" name="calendar_popup" value="true"/>
      <Option type="QString" name="display_format" value="dd/MM/yyyy HH:mm"/>
      <Option type="QString" name="field_format" value="yyyy-MM-ddTHH:mm:ss"/>
      <Option type="bool" name="field_iso_format" value="true"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="notes" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="true"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias name="fid" field="fid" index="0"/>
  <alias name="Identifiant" field="uuid" index="1"/>
  <alias name="Adresse" field="address" index="2"/>
  <alias name="Voie" field="street" index="3"/>
  <alias name="Code commune (INSEE)" field="commune_code" index="4"/>
  <alias name="Surface de vente (m²)" field="floor_area" index="5"/>
  <alias name="Rez-de-chaussée" field="ground_floor" index="6"/>
  <alias name="Créé le" field="created_at" index="7"/>
  <alias name="Disparu le" field="retired_at" index="8"/>
  <alias name="Notes" field="notes" index="9"/>
 </aliases>
 <defaults>
  <default expression="" field="fid" applyOnUpdate="0"/>
  <default expression="uuid('WithoutBraces')" field="uuid" applyOnUpdate="0"/>
  <default expression="" field="address" applyOnUpdate="0"/>
  <default expression="" field="street" applyOnUpdate="0"/>
  <default expression="" field="commune_code" applyOnUpdate="0"/>
  <default expression="" field="floor_area" applyOnUpdate="0"/>
  <default expression="1" field="ground_floor" applyOnUpdate="0"/>
  <default expression="now()" field="created_at" applyOnUpdate="0"/>
  <default expression="" field="retired_at" applyOnUpdate="0"/>
  <default expression="" field="notes" applyOnUpdate="0"/>
 </defaults>
 <constraints>
  <constraint unique_strength="1" exp_strength="0" field="fid" notnull_strength="1" constraints="3"/>
  <constraint unique_strength="1" exp_strength="0" field="uuid" notnull_strength="1" constraints="3"/>
  <constraint unique_strength="0" exp_strength="0" field="address" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="street" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="commune_code" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="floor_area" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="ground_floor" notnull_strength="1" constraints="1"/>
  <constraint unique_strength="0" exp_strength="0" field="created_at" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="retired_at" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="notes" notnull_strength="0" constraints="0"/>
 </constraints>
 <constraintExpressions>
  <constraint desc="" field="fid" exp=""/>
  <constraint desc="" field="uuid" exp=""/>
  <constraint desc="" field="address" exp=""/>
  <constraint desc="" field="street" exp=""/>
  <constraint desc="Le code commune INSEE a 5 caractères (ex. 86194)." field="commune_code" exp="&quot;commune_code&quot; IS NULL OR regexp_match(&quot;commune_code&quot;, '^[0-9][0-9AB][0-9]{3}$')"/>
  <constraint desc="La surface doit être strictement positive." field="floor_area" exp="&quot;floor_area&quot; IS NULL OR &quot;floor_area&quot; > 0"/>
  <constraint desc="" field="ground_floor" exp=""/>
  <constraint desc="" field="created_at" exp=""/>
  <constraint desc="" field="retired_at" exp=""/>
  <constraint desc="" field="notes" exp=""/>
 </constraintExpressions>
 <expressionfields/>
 <attributetableconfig sortOrder="0" sortExpression="" actionWidgetStyle="dropDown">
  <columns/>
 </attributetableconfig>
 <conditionalstyles>
  <rowstyles/>
  <fieldstyles/>
 </conditionalstyles>
 <storedexpressions/>
 <editform tolerant="1"/>
 <editforminit/>
 <editforminitcodesource>0</editforminitcodesource>
 <editforminitfilepath/>
 <editforminitcode><![CDATA[]]></editforminitcode>
 <featformsuppress>0</featformsuppress>
 <editorlayout>tablayout</editorlayout>
 <attributeEditorForm>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Identification" visibilityExpression="" showLabel="1" columnCount="1">
   <attributeEditorField name="address" showLabel="1" index="2"/>
   <attributeEditorField name="street" showLabel="1" index="3"/>
   <attributeEditorField name="commune_code" showLabel="1" index="4"/>
   <attributeEditorField name="floor_area" showLabel="1" index="5"/>
   <attributeEditorField name="ground_floor" showLabel="1" index="6"/>
  </attributeEditorContainer>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Observations" visibilityExpression="" showLabel="1" columnCount="1">
   <attributeEditorRelation name="premise_observations_premise_uuid" relationWidgetTypeId="" showLabel="1" forceSuppressFormPopup="0" relation="premise_observations_premise_uuid" nmRelationId="" label="Observations par campagne">
    <editor_configuration/>
   </attributeEditorRelation>
  </attributeEditorContainer>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Notes" visibilityExpression="" showLabel="1" columnCount="1">
   <attributeEditorField name="created_at" showLabel="1" index="7"/>
   <attributeEditorField name="retired_at" showLabel="1" index="8"/>
   <attributeEditorField name="notes" showLabel="1" index="9"/>
  </attributeEditorContainer>
 </attributeEditorForm>
 <editable>
  <field editable="1" name="address"/>
  <field editable="1" name="commune_code"/>
  <field editable="1" name="created_at"/>
  <field editable="0" name="fid"/>
  <field editable="1" name="floor_area"/>
  <field editable="1" name="ground_floor"/>
  <field editable="1" name="notes"/>
  <field editable="1" name="retired_at"/>
  <field editable="1" name="street"/>
  <field editable="0" name="uuid"/>
 </editable>
 <labelOnTop/>
 <reuseLastValue/>
 <dataDefinedFieldProperties/>
 <widgets/>
 <layerGeometryType>0</layerGeometryType>
</qgis>

